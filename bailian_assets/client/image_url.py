"""Image URLs as a vision model's input: VVR's `'content-type' = 'IMAGE_URL'`.

Each row's input column holds the URL of an image. The row goes as the user message of a chat
request, in the OpenAI-style content-part form DashScope's compatible mode takes for its vision
models (qwen-vl, qwen3.5/3.6): `[{"type": "image_url", "image_url": {"url": ...}}]`. The service
fetches the image itself; this client never does, and never reads a local file.

A URL is checked before it is sent, and a bad one fails its row (the error strategies apply): https
URLs (http only to a loopback host, a local test server) with a host and no user name or password in
them (those would travel to the service and into its logs), and `data:image/...;base64,...` URLs
whose payload is base64, at most `MAX_DATA_URL` characters (DashScope takes base64 images up to 10
MB). Anything else (`file:`, a bare path, `ftp:`) is refused: local files are never read. The
reasons name no URL, so failures of many rows are counted under one reason, and a signed URL's token
is not shown.
"""

from __future__ import annotations

import base64
import binascii
import re
from urllib.parse import urlsplit

from bailian_assets.endpoint_url import is_loopback

IMAGE_URL = "IMAGE_URL"
MAX_URL = 4096  # characters of an http(s) URL
MAX_DATA_URL = 10 * 1024 * 1024  # characters of a data: URL
_DATA = re.compile(r"data:(image/[A-Za-z0-9.+-]+);base64,", re.IGNORECASE)
_BLANK = re.compile(r"[\s\x00-\x1f\x7f]")


def image_url_problem(url: str) -> str | None:
    """Why `url` may not be sent as an image, or None when it may."""
    if _BLANK.search(url):
        return "the image URL holds spaces or control characters"
    scheme = url.split(":", 1)[0].lower() if ":" in url else ""
    if scheme == "data":
        return _data_problem(url)
    if scheme not in ("http", "https"):
        shown = f"scheme '{scheme[:20]}'" if scheme else "no scheme"
        return (
            f"the image URL has {shown}: only http, https and data: URLs are sent "
            "(local files are never read)"
        )
    if len(url) > MAX_URL:
        return f"the image URL is longer than {MAX_URL} characters"
    try:
        parts = urlsplit(url)
        _ = parts.port  # reading the port checks it: a bad one raises ValueError
    except ValueError:
        return "the image URL is not a valid URL"
    if not parts.hostname:
        return "the image URL has no host"
    if parts.username is not None or parts.password is not None:
        return "the image URL holds a user name or password"
    if scheme == "http" and not is_loopback(parts.hostname):
        return (
            "the image URL is plain http: only https URLs are sent (http only to a loopback "
            "host, a local test server), so nobody on the way can read or swap the image"
        )
    return None


def _data_problem(url: str) -> str | None:
    if len(url) > MAX_DATA_URL:
        return f"the data: URL is longer than {MAX_DATA_URL // (1024 * 1024)} MiB"
    header = _DATA.match(url)
    if header is None:
        return "a data: URL must be data:image/<type>;base64,<data>"
    payload = url[header.end() :]
    if not payload:
        return "the data: URL holds no image"
    try:
        base64.b64decode(payload, validate=True)
    except (binascii.Error, ValueError):
        return "the data: URL's image is not valid base64"
    return None


def image_content(url: str) -> list[dict]:
    """The user message's content for one image."""
    return [{"type": "image_url", "image_url": {"url": url}}]
