"""Whether a URL can be a model's endpoint or the service's base URL, checked where it is
configured (planning, and `BAILIAN_BASE_URL` at the start of a run), so that a run never
meets a URL httpx cannot use.

A URL passes when it is http or https; names a valid host (a DNS name or an IP address,
IPv6 in brackets) and, if it gives one, a port from 1 to 65535; parses for httpx; holds no
user name or password; and uses https unless its host is a loopback one. A user name or
password is refused: httpx would send it as Basic auth in place of the key, and it would be
shown wherever the URL is.

Messages name the URL as the caller shows it (with `${secret_values...}` unresolved), with
any user name or password masked, and say what is wrong in our words, never the parser's,
which could quote a secret part.
"""

from __future__ import annotations

import ipaddress
import re
from urllib.parse import urlsplit

import httpx

from bailian_assets.secrets import MASK

_HOST_NAME = re.compile(
    r"[A-Za-z0-9_]([A-Za-z0-9_-]*[A-Za-z0-9_])?"
    r"(\.[A-Za-z0-9_]([A-Za-z0-9_-]*[A-Za-z0-9_])?)*\.?"
)
_USERINFO = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*://)[^/?#]*@")


def check_url(url: str, shown: str | None = None, what: str = "endpoint") -> str | None:
    """None for a URL a model can be called at; otherwise what is wrong with it, naming it
    "<what> '<shown>'" (`shown` by default the URL itself, its user name and password
    masked)."""
    named = f"{what} '{hide_userinfo(url if shown is None else shown)}'"
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return f"{named} is not a valid URL: its host or port cannot be read"
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return f"{named} is not an http(s) URL"
    if "@" in parts.netloc:
        return (
            f"{named} holds a user name or password: give the key with 'api-key' "
            "(or the environment), never in the URL"
        )
    if (port is None and parts.netloc.endswith(":")) or port == 0:
        return f"{named} is not a valid URL: its port is not a number from 1 to 65535"
    if not _valid_host(parts.hostname):
        return f"{named} is not a valid URL: its host is not a host name or IP address"
    try:
        _ = httpx.URL(url).host  # the host is decoded (IDNA) on reading: that can fail too
    except (httpx.InvalidURL, ValueError):
        return f"{named} is not a valid URL"
    if parts.scheme == "http" and not is_loopback(parts.hostname):
        return (
            f"{named} must use https "
            "(plain http is accepted only for loopback hosts such as 127.0.0.1)"
        )
    return None


def proxy_exemptions(url: str) -> dict[str, None]:
    """httpx `mounts` that keep requests to `url` away from the proxies the environment
    names (HTTP_PROXY, ALL_PROXY...), each pattern mapped to None: "no proxy".

    The key travels in the Authorization header. A plain-http request through a proxy hands
    that header to the proxy in clear text, and a loopback endpoint is a local server that a
    proxy cannot even reach: both go direct. An https endpoint may use a proxy: httpx opens a
    CONNECT tunnel through it, and the key stays inside TLS.
    """
    parts = urlsplit(url)
    host = parts.hostname or ""
    if parts.scheme == "https" and not is_loopback(host):
        return {}
    shown = f"[{host}]" if ":" in host else host
    return {f"all://{shown}": None}


def is_loopback(host: str) -> bool:
    """localhost, 127.0.0.0/8 or ::1."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def hide_userinfo(url: str) -> str:
    """`url` with whatever stands before an '@' in its authority masked."""
    return _USERINFO.sub(lambda found: f"{found.group(1)}{MASK}@", url)


def _valid_host(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
        return True
    except ValueError:
        pass
    try:
        ascii_host = host.encode("idna").decode("ascii")
    except (UnicodeError, ValueError):
        return False
    return len(ascii_host) <= 253 and _HOST_NAME.fullmatch(ascii_host) is not None
