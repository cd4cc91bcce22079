"""CREATE MODEL options as VVR writes them: both spellings, and diagnostics in the user's."""

import pytest

from bailian_assets.planning.options import camel_case
from bailian_assets.planning.project import load_source

MODEL = """\
CREATE MODEL m INPUT (`input` STRING) OUTPUT (`content` STRING) WITH (
  'provider' = 'bailian',
  'endpoint' = 'https://dashscope-intl.aliyuncs.com/compatible-mode/v1/chat/completions',
  %s);
"""


def errors(options: str) -> list[str]:
    """The model's problems: what a statement using it would report (unused, it is only a
    warning, as Flink never checks a model nothing uses)."""
    project = load_source(MODEL % options, "t.sql", {})
    return [p.message for p in project.catalog.unusable_models["m"].problems]


@pytest.mark.parametrize(
    "key, camel",
    [
        ("api-key", "apiKey"),
        ("system-prompt", "systemPrompt"),
        ("rate-limit.rpm", "rateLimit.rpm"),
        ("n", "n"),
        ("price.input-per-million-tokens", "price.inputPerMillionTokens"),
    ],
)
def test_camel_case_spelling(key, camel):
    assert camel_case(key) == camel


def test_every_option_in_camel_case_means_the_same():
    project = load_source(
        MODEL % "'apiKey' = 'sk-a', 'model' = 'qwen-turbo', "
        "'systemPrompt' = 'Label: [yes, no]', 'maxTokens' = '5', "
        "'topP' = '0.5', 'errorHandlingStrategy' = 'ignore', "
        "'rateLimit.rpm' = '60'",
        "t.sql",
        {},
    )
    model = project.models["m"]
    assert model.api_key.reveal() == "sk-a" and model.labels == ("yes", "no")
    assert model.request == {"max_tokens": 5, "top_p": 0.5}
    assert model.error_handling == "IGNORE" and model.rate_limit_rpm == 60
    assert model.options["apiKey"] == "******"


def test_diagnostics_use_the_spelling_written():
    found = errors("'apiKey' = 'k', 'model' = 'q', 'maxTokens' = 'many', 'apiKy' = 'x'")
    assert "invalid value for 'maxTokens' of model 'm': expected an integer, got 'many'" in found
    assert "unknown option 'apiKy' for model 'm'; did you mean 'apiKey'?" in found


def test_one_option_in_two_spellings_is_set_twice():
    found = errors("'api-key' = 'k', 'apiKey' = 'k2', 'model' = 'q'")
    assert found == ["option 'apiKey' is set twice for model 'm' (also as 'api-key')"]


def test_a_misspelled_required_option_is_reported_once_with_its_suggestion():
    found = errors("'api-ky' = 'k', 'model' = 'q'")
    assert found == ["unknown option 'api-ky' for model 'm'; did you mean 'api-key'?"]
