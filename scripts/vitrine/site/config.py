"""The options of the vitrine plugin in mkdocs.yml."""

from __future__ import annotations

from mkdocs.config import config_options
from mkdocs.config.base import Config


class VitrinePluginConfig(Config):
    # The content folder, relative to mkdocs.yml; ``vitrine build`` hands the plugin its model instead.
    content_dir = config_options.Type(str, default="content")
