"""Voilà settings for the careerkit app (``make app``, JupyterHub's single-user servers).

Loaded with ``--Voila.config_file_paths=<this folder>``; see :mod:`careerkit._voila`."""

from careerkit._voila import configure

configure(c)  # noqa: F821 - ``c`` is the config object traitlets gives a config file
