"""Vitrine: compiles a territory's promotion content into a multilingual site and a pitch kit.

The pipeline runs one way: load -> validate -> resolve -> render (site) -> publish.
"""

__version__ = "0.1.0"
