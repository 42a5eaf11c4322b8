"""The printable pitch kit: decks and fact sheets in every language, for every fair."""
