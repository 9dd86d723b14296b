"""tables.frozen: a table a page keeps is sent exactly as the table itself would be."""

from __future__ import annotations

import pandas as pd
import pyarrow as pa
from streamlit import dataframe_util

from planmonitor.ui import tables


def _completeness() -> pd.DataFrame:
    done = pd.DataFrame({"code": ["1.1.1-1", "1.1.1-2"], "name": ["A", "B"]})
    for i, check in enumerate(tables.CHECKS):
        done[check] = [True, None if i == 5 else False]
    done["score"] = [100.0, 40.0]
    return done


def test_a_frozen_dataframe_is_the_arrow_table_streamlit_would_send():
    screen = tables.for_screen(tables.completeness_table(_completeness(), "es"))
    kept = tables.frozen(screen)
    assert isinstance(kept, pa.Table)
    assert dataframe_util.convert_arrow_table_to_arrow_bytes(
        kept
    ) == dataframe_util.convert_pandas_df_to_arrow_bytes(screen)


def test_a_styler_is_kept_as_it_is():
    styler = pd.DataFrame({"a": [1, None]}).style.format(na_rep="—")
    assert tables.frozen(styler) is styler
