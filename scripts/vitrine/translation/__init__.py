"""Translations: how fresh each one is, and the exchange files sent to translators (XLIFF 2.0)."""
