"""careerkit's Voilà settings for a Jupyter server that serves Voilà as an extension
(``/voila/render/...``: Binder, a JupyterHub single-user server): put this folder on
``JUPYTER_CONFIG_PATH``. See :mod:`careerkit._voila`."""

from careerkit._voila import configure

configure(c)  # noqa: F821 - ``c`` is the config object traitlets gives a config file
