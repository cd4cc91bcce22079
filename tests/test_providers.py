"""Model providers behind one interface, found by name (planning/providers/): the built-in
ones, one module each, and a toy provider registered from this test module."""

import pytest

from bailian_assets.errors import Diagnostic, SqlError
from bailian_assets.planning.project import load_source
from bailian_assets.planning.providers import (
    PROVIDERS,
    Provider,
    provider_named,
    provider_names,
    register,
    unregister,
)

CHAT_URL = "https://dashscope-intl.aliyuncs.com/compatible-mode/v1/chat/completions"


def model(provider: str, options: str = "'task' = 'chat/completions', 'model' = 'q'"):
    sql = (
        "CREATE MODEL m INPUT (`input` STRING) OUTPUT (`content` STRING) WITH (\n"
        f"  'provider' = '{provider}', {options});\n"
    )
    project = load_source(sql, "t.sql", {"DASHSCOPE_API_KEY": "sk-toy"})
    unusable = project.catalog.unusable_models.get("m")
    if unusable is not None:
        raise SqlError([Diagnostic("t.sql", p.position, p.message) for p in unusable.problems])
    return project.models["m"]


@pytest.fixture
def toy():
    provider = register(Provider("toy-cloud", True, "a provider defined by a test"))
    yield provider
    unregister(provider.name)


def test_the_built_in_providers_are_found_by_name_one_module_each():
    assert provider_names() == ["bailian", "openai-compat", "dashscope", "openai"]
    assert [name for name in PROVIDERS if PROVIDERS[name].built_in] == [
        "openai-compat",
        "dashscope",
    ]
    from bailian_assets.planning.providers import openai_compat  # its own module

    assert openai_compat.PROVIDER is provider_named("openai-compat")


def test_a_provider_registered_from_a_test_is_accepted_and_listed(toy):
    spec = model("toy-cloud")
    assert spec.built_in and spec.provider == "toy-cloud" and spec.task == "chat"
    assert provider_names()[-1] == "toy-cloud"  # after the built-in ones
    assert "toy-cloud" in PROVIDERS and PROVIDERS["toy-cloud"] is toy
    with pytest.raises(SqlError) as caught:  # now one of the built-in ones it names
        model("bailian")
    assert (
        "(those of 'dashscope', 'openai-compat' and 'toy-cloud' have)"
        in caught.value.diagnostics[0].message
    )


def test_an_unregistered_provider_is_unknown_again():
    register(Provider("gone", False, "registered, then forgotten"))
    unregister("gone")
    assert provider_named("gone") is None and "gone" not in PROVIDERS
    with pytest.raises(
        SqlError, match="expected one of bailian, openai-compat, dashscope, openai, got 'gone'"
    ):
        model("gone", f"'endpoint' = '{CHAT_URL}', 'api-key' = 'sk-x', 'model' = 'q'")


def test_a_second_provider_of_a_taken_name_is_refused():
    with pytest.raises(ValueError, match="a provider named 'dashscope' is already registered"):
        register(Provider("dashscope", False, "an impostor"))
    assert provider_named("dashscope").built_in
    register(provider_named("dashscope"))  # the same one again changes nothing: allowed
