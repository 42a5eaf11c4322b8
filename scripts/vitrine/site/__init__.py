"""The website output: pages for MkDocs generated from the resolved model, the MkDocs plugin, fonts."""
