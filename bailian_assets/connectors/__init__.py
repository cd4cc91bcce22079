"""The built-in connectors, one module each, every one ending in `CONNECTOR = ...`.

The registry (`bailian_assets.planning.connectors`) loads every module here on its first
look-up; its docstring says how to add one. A connector module may use the executor (it is the
executor side of the connector), and nothing imports these modules by name.
"""
