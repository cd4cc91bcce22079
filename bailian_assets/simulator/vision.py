"""Vision requests: chat messages whose content is a list of parts, as DashScope's compatible
mode takes them for its vision models (`[{"type": "text", "text": ...}, {"type": "image_url",
"image_url": {"url": ...}}]`).

The simulator sees no pixels, so an image "shows" what its URL says: the words of its file name
(`https://example.com/img/red_cat.jpg` shows "red cat"), or, for a `data:` URL, what kind of
image it is and a fingerprint of its bytes. The answer to a vision request is then the answer to
that description, by the same rules as for text (labels from the system prompt's list, the AI
functions' JSON), so it is deterministic and can be tested exactly. Each image is billed
`IMAGE_TOKENS` prompt tokens.

Image URLs are checked as the service checks what it must fetch: http, https or
`data:image/...;base64,...`; anything else is refused with a 400 and DashScope's error shape.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import re
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from bailian_assets.tokens import IMAGE_TOKENS, message_tokens

_DATA = re.compile(r"data:(image/[A-Za-z0-9.+-]+);base64,(.*)", re.IGNORECASE | re.DOTALL)
_WORDS = re.compile(r"[^\W_]+")
_EXTENSIONS = {"jpg", "jpeg", "png", "gif", "webp", "bmp", "tif", "tiff", "heic"}


class InvalidContent(ValueError):
    """A message content the service would refuse (400): the reason."""


@dataclass
class Content:
    """A message's content read: its text (images described in it), and its image count."""

    text: str
    images: int = 0

    @property
    def tokens(self) -> int:
        return message_tokens(self.text) + self.images * IMAGE_TOKENS


def read_content(content: object) -> Content:
    """A message's `content`: a string, or a list of text and image_url parts."""
    if isinstance(content, str):
        return Content(content)
    if not isinstance(content, list) or not content:
        raise InvalidContent("'content' must be a string or a non-empty list of parts.")
    texts, images = [], 0
    for part in content:
        kind = part.get("type") if isinstance(part, dict) else None
        if kind == "text" and isinstance(part.get("text"), str):
            texts.append(part["text"])
        elif (
            kind == "image_url"
            and isinstance(part.get("image_url"), dict)
            and isinstance(part["image_url"].get("url"), str)
        ):
            texts.append(describe(part["image_url"]["url"]))
            images += 1
        else:
            raise InvalidContent(
                "Each content part must be {type: text, text} or "
                "{type: image_url, image_url: {url}}."
            )
    return Content(" ".join(texts), images)


def describe(url: str) -> str:
    """What the image at `url` shows, as far as the simulator can tell; InvalidContent for a
    URL the service could not fetch."""
    data = _DATA.fullmatch(url)
    if data is not None:
        try:
            raw = base64.b64decode(data.group(2), validate=True)
        except (binascii.Error, ValueError):
            raise InvalidContent("The image data is not valid base64.") from None
        kind = data.group(1).split("/", 1)[1].lower()
        return f"an image ({kind}, {len(raw)} bytes, {hashlib.sha256(raw).hexdigest()[:8]})"
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise InvalidContent("The image URL must be an http, https or data: URL.")
    name = unquote(parts.path.rstrip("/").rsplit("/", 1)[-1])
    words = [w for w in _WORDS.findall(name) if w.lower() not in _EXTENSIONS]
    return " ".join(words) if words else f"an image from {parts.hostname}"
