"""The model client against what a hostile tester found after the first round of safety work.

- the secrets' echoes a server makes (partial, upper-cased, split by markup, base64, in a
  200 answer's content) are masked wherever the client puts text, the cache included;
- bodies built to crash a parser (deep nesting, huge numbers, invalid Unicode) fail their
  row as malformed answers, never the run;
- a server that accepts connections but never speaks HTTP is given up on early, as a refused
  connection is, and a Retry-After beyond the row's timeout is said as such;
- endpoint URLs and BAILIAN_BASE_URL are checked fully (ports, brackets, user names and
  passwords) before a run, without showing a secret part.
"""

import asyncio
import base64
import json

import httpx
import pytest

from bailian_assets.client.cache import ResponseCache
from bailian_assets.client.client import ModelClient, ModelConfig
from bailian_assets.client.retry import RetryPolicy
from bailian_assets.secrets import MASK, Scrubber, Secret

KEY = "sk-ZZLEAKTEST0123456789abcdef"
GATEWAY = "/GWSECRETPATH"
CHAT_URL = "https://x.example.com/compatible-mode/v1/chat/completions"


# ---------------------------------------------------------------- the scrubber


@pytest.mark.parametrize("echo", [
    KEY[3:],  # without its prefix
    KEY.upper(),
    "<b>" + KEY[:6] + "</b>" + KEY[6:],  # split by markup: the 6 characters are kept
    KEY[5:17],  # any 8 characters or more of it, wherever they come from
    base64.b64encode(f"Bearer {KEY}".encode()).decode(),  # the Authorization header
    base64.b64encode(KEY.encode()).decode(),
    base64.b64encode(b"k=" + KEY.encode() + b";").decode(),  # inside a longer base64 text
    base64.urlsafe_b64encode(b"x" + KEY.encode()).decode(),
])
def test_the_scrubber_masks_partial_and_transformed_echoes(echo):
    scrubbed = Scrubber([KEY])(f"bad key: {echo} (try again)")
    assert scrubbed.startswith("bad key: ") and scrubbed.endswith(" (try again)")
    assert MASK in scrubbed
    left = scrubbed.replace(MASK, "\x00")
    # what is left of the key, in any form it was sent, is shorter than 8 characters
    for form in (KEY, KEY.upper(), echo if "<b>" not in echo else KEY):
        assert not any(form[i:i + 8] in left for i in range(len(form) - 7))


def test_the_scrubber_masks_a_secret_path_echoed_by_a_404():
    scrub = Scrubber([KEY, GATEWAY])
    assert scrub(f"Not found: {GATEWAY}/compatible-mode/v1/chat") == \
        f"Not found: {MASK}/compatible-mode/v1/chat"
    assert scrub("Not found: /gwsecretpath%2Fcompatible") == f"Not found: {MASK}%2Fcompatible"


def test_the_scrubber_leaves_ordinary_text_alone():
    scrub = Scrubber([KEY, "gw-zq9x7-distinct.example.com", "hunter2pass"])
    text = "The example shows a test: pass a value to Bearer auth. sk-"
    assert scrub(text) == text
    # the price of masking any 8 characters of a secret: a word of 8 of them goes too
    assert scrub("a distinct example.com") == f"a {MASK} {MASK}"
    assert scrub("") == "" and Scrubber([])(text) == text
