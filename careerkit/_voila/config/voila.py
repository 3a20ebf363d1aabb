"""Voilà settings for the careerkit app (``make app``): the app's own server, whose kernels
are forked from a warm parent. JupyterHub's single-user servers load
``jupyter_server_config.py`` instead (one participant, one kernel: nothing to share).

Loaded with ``--Voila.config_file_paths=<this folder>``; see :mod:`careerkit._voila`."""

from careerkit._voila import configure

configure(c, fork=True)  # noqa: F821 - ``c`` is the config object traitlets gives a config file
