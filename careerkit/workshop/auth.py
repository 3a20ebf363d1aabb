"""The JupyterHub authenticators that accept a workshop code (see :class:`CodeBook`).

``WorkshopCodeAuthenticator`` signs a participant in to the account their code belongs to, once
per code. ``LocalWorkshopCodeAuthenticator`` does the same and creates a system user per account
(for JupyterHub's ``LocalProcessSpawner``: each participant's server runs as their own user).

The sign-in form sends the code as ``code`` (``deploy/hub/templates/login.html``); the hub's
standard form works too, with the code typed as the password.
"""

from __future__ import annotations

from jupyterhub.auth import Authenticator, LocalAuthenticator
from traitlets import Bool, Unicode, default

from careerkit.workshop._codes import CodeBook

__all__ = ["LocalWorkshopCodeAuthenticator", "WorkshopCodeAuthenticator"]


class WorkshopCodeAuthenticator(Authenticator):
    """Accept each code from the code file once, as the account it was issued for."""

    codes_file = Unicode(
        help="The file of hashed codes written by `careerkit workshop codes --state FOLDER`."
    ).tag(config=True)

    @default("allow_all")
    def _allow_all_default(self) -> bool:
        # the code file is the list of who may sign in: an account exists only with a code
        return True

    async def authenticate(self, handler, data):
        code = (data or {}).get("code") or (data or {}).get("password") or ""
        user = CodeBook(self.codes_file).claim(code)
        if user is None:
            self.log.warning("Workshop sign-in refused: unknown or used code")
        return user


class LocalWorkshopCodeAuthenticator(LocalAuthenticator, WorkshopCodeAuthenticator):
    """A workshop code, and a system user per account created at first sign-in."""

    create_system_users = Bool(True).tag(config=True)
