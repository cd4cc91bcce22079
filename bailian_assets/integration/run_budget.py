"""One budget per Dagster run, as per `bailian-assets run`: every asset of the run spends from it.

On the command line one run is one Orchestrator, so a model's budget ('budget.max-tokens' /
'budget.max-cost' in its WITH options) and the job's (`SET 'budget.max-tokens' = '...'`) cover
every ML_PREDICT of the run. A Dagster run computes each asset with an Orchestrator of its own;
this resource holds the run's ledgers (`RunBudgets`) so that they all spend from the same ones,
and adds a limit of the run's own over every model, set in the launchpad or `--config-json`:

    resources:
      bailian_run_budget:
        config: {max_tokens: 20000, max_cost: 0.5}

Once an asset has spent it, the next asset's requests are refused as the command line refuses
them (under 'IGNORE' its rows fail with "budget exhausted"; otherwise the asset fails, every
answer received cached). A resource lives as long as the process that set it up: with the
default in-process executor that is the whole run; with a process per step (`multiprocess`)
each step has its own budget.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import dagster as dg
from pydantic import Field, PrivateAttr

if TYPE_CHECKING:  # the run's machinery, imported by the first run: loading does not need it
    from bailian_assets.client.budget import RunBudgets

RUN_BUDGET = "bailian_run_budget"


class RunBudgetResource(dg.ConfigurableResource):
    """What one run may spend over all its assets and models; unset: no limit of the run's own
    (the models' and the SQL's SET budgets still apply, over the whole run)."""

    max_tokens: int | None = Field(
        default=None, ge=0, description="Tokens (prompt and completion) the run may spend."
    )
    max_cost: float | None = Field(
        default=None,
        ge=0,
        description="Cost the run may spend, at the models' declared prices ('price.*').",
    )

    _budgets: RunBudgets | None = PrivateAttr(default=None)

    def setup_for_execution(self, context: dg.InitResourceContext) -> None:
        from bailian_assets.client.budget import RunBudgets

        self._budgets = RunBudgets((self.max_tokens, self.max_cost))

    @property
    def budgets(self) -> RunBudgets:
        """The run's ledgers, shared by every asset that runs in this process."""
        if self._budgets is None:  # used without Dagster setting it up (a direct call)
            from bailian_assets.client.budget import RunBudgets

            self._budgets = RunBudgets((self.max_tokens, self.max_cost))
        return self._budgets
