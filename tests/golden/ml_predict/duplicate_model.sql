-- creating the same model twice is refused
CREATE MODEL m INPUT (`input` STRING) OUTPUT (`content` STRING) WITH (
  'provider' = 'openai', 'endpoint' = '${BAILIAN_BASE_URL}/compatible-mode/v1/chat/completions', 'api-key' = 'sk-simulator', 'model' = 'qwen-turbo');
CREATE MODEL m INPUT (`input` STRING) OUTPUT (`content` STRING) WITH (
  'provider' = 'openai', 'endpoint' = '${BAILIAN_BASE_URL}/compatible-mode/v1/chat/completions', 'api-key' = 'sk-simulator', 'model' = 'qwen-plus');
