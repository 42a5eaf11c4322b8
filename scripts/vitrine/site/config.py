"""The options of the vitrine plugin in mkdocs.yml."""

from __future__ import annotations

from mkdocs.config import config_options
from mkdocs.config.base import Config


class VitrinePluginConfig(Config):
    # The content folder, relative to mkdocs.yml; ``vitrine build`` hands the plugin its model instead.
    content_dir = config_options.Type(str, default="content")
    # The live preview of one language (vitrine serve --lang ja): only it and the source language are built, so
    # that a change shows in a couple of seconds. Empty: every language.
    preview_language = config_options.Type(str, default="")
    # The live preview (vitrine serve): the steps after MkDocs that only the host needs (its headers, the site map,
    # the open data, the /go/ pages) are left out, so that a change shows sooner.
    preview = config_options.Type(bool, default=False)
    # Where rendered pages are kept between builds (page_cache.py), relative to mkdocs.yml; an empty value keeps
    # none, and every page is rendered.
    page_cache = config_options.Type(str, default=".vitrine/cache/pages")
