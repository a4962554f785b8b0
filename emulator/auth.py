"""Bearer authentication: an accepted API key, or (where the spec's security scheme says so) an
access-key JWT verified like the provider does: HS256 signature, `exp`, `nbf`, `iss` = key id."""

from __future__ import annotations

import warnings
from dataclasses import dataclass

import jwt

DEFAULT_ACCESS_KEY_ID = "emulator-access-key-id"
DEFAULT_SECRET_ACCESS_KEY = "emulator-secret-access-key"  # a documented local default


def default_api_key(provider: str) -> str:
    return f"{provider}-emulator-key"


@dataclass(frozen=True)
class Credentials:
    api_keys: dict[str, str]  # provider key -> accepted API key
    access_keys: dict[str, str]  # access key id -> secret (accepted by JWT providers)

    def check(self, provider: str, authorization: str | None, accepts_jwt: bool) -> str | None:
        """None when the header is acceptable, otherwise why not (for the 401 message)."""
        scheme, _, token = (authorization or "").partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            return "missing bearer token in the Authorization header"
        token = token.strip()
        if token == self.api_keys.get(provider):
            return None
        if accepts_jwt and token.count(".") == 2:
            return self._check_jwt(token)
        return "invalid API key"

    def _check_jwt(self, token: str) -> str | None:
        try:
            issuer = jwt.decode(token, options={"verify_signature": False}).get("iss")
        except jwt.PyJWTError as exc:
            return f"malformed access token: {exc}"
        secret = self.access_keys.get(str(issuer))
        if secret is None:
            return "unknown access key id in token issuer"
        try:
            with warnings.catch_warnings():
                # the documented local secret is shorter than PyJWT's recommended 32 bytes
                warnings.simplefilter("ignore", jwt.InsecureKeyLengthWarning)
                jwt.decode(
                    token,
                    secret,
                    algorithms=["HS256"],
                    issuer=str(issuer),
                    options={"require": ["exp", "nbf", "iss"]},
                )
        except jwt.PyJWTError as exc:
            return f"invalid access token: {exc}"
        return None
