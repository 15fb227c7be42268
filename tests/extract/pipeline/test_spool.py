"""The spool gives back what was written, in order or by position, however reads and writes mix."""

from __future__ import annotations

from eventgraph.extract.pipeline.spool import Spool


def test_items_come_back_by_position_between_appends_and_in_order() -> None:
    with Spool[dict[str, object]]() as spool:
        first = [spool.append({"n": i, "text": "x" * i}) for i in range(50)]
        assert first == list(range(50))
        assert spool.get(7) == {"n": 7, "text": "x" * 7}
        assert spool.append({"n": 50, "text": "late"}) == 50  # an append after a read lands at the end
        assert spool.get(50) == {"n": 50, "text": "late"} and spool.get(0) == {"n": 0, "text": ""}
        assert [item["n"] for item in spool] == list(range(51))
        assert spool.get(3) is not spool.get(3)  # a fresh copy each time: nothing stays in memory
