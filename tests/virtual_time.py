"""Virtual time for asyncio tests: sleeps return at once, and the clock jumps to each wake-up.

Everything that reads time (pacer, quotas) reads `clock`; everything that waits awaits
`clock.sleep`. A ticker lets the ready tasks run, then wakes the earliest sleeper, so hours of
paced traffic run in well under a second.
"""

import asyncio
import heapq
import itertools


class VirtualClock:
    def __init__(self, start: float = 1000.0):
        self.now = start
        self._sleepers: list = []
        self._order = itertools.count()

    def __call__(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        if seconds <= 0:
            await asyncio.sleep(0)
            return
        future = asyncio.get_running_loop().create_future()
        heapq.heappush(self._sleepers, (self.now + seconds, next(self._order), future))
        await future

    async def run(self, coroutine):
        """Run `coroutine` to the end with time advancing virtually."""
        task = asyncio.ensure_future(coroutine)
        while not task.done():
            for _ in range(5):  # let the ready tasks take their turn
                await asyncio.sleep(0)
                if task.done():
                    break
            if self._sleepers and not task.done():
                wake, _, future = heapq.heappop(self._sleepers)
                self.now = max(self.now, wake)
                if not future.done():
                    future.set_result(None)
        return task.result()
