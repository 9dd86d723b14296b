"""A Plan as JSON and back, exactly: dtypes, NaT, NA, lists, nullable integers, categories.

A snapshot must give back the very tables that were stored (pandas' own JSON loses dtypes
and NaT), so every column carries its dtype and every non-JSON cell a "$" tag. `pack` and
`unpack` add the zlib layer the store writes; `content_sha256` hashes the data itself, so
the same data read from other rows or sheets is recognised as unchanged.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import zlib

import numpy as np
import pandas as pd

from planmonitor import model

TABLES = ("objectives", "strategies", "activities", "products", "agencies", "gcm", "progress")


def _enc(v: object) -> object:
    """One object-column cell as JSON; non-JSON types carry a "$" tag."""
    if v is None or isinstance(v, (str, bool)):
        return v
    if isinstance(v, int) and not isinstance(v, np.integer):
        return v
    if isinstance(v, float) and not isinstance(v, np.floating):
        return v
    if v is pd.NaT:
        return {"$nat": 1}
    if v is pd.NA:
        return {"$na": 1}
    if isinstance(v, list):
        return [_enc(x) for x in v]
    if isinstance(v, tuple):
        return {"$tuple": [_enc(x) for x in v]}
    if isinstance(v, pd.Timestamp):
        return {"$ts": v.isoformat(), "unit": v.unit, "tz": str(v.tz) if v.tz else None}
    if isinstance(v, np.ndarray):
        return {"$nd": v.dtype.str, "v": [_enc(x) for x in v.tolist()]}
    if isinstance(v, np.generic):
        return {"$np": v.dtype.str, "v": v.item()}
    if isinstance(v, dt.datetime):
        return {"$dt": v.isoformat()}
    if isinstance(v, dt.date):
        return {"$date": v.isoformat()}
    if isinstance(v, dict):
        return {"$dict": [[_enc(k), _enc(x)] for k, x in v.items()]}
    raise TypeError(f"cannot store a {type(v).__name__} in a snapshot")


def _dec(v: object) -> object:
    if isinstance(v, list):
        return [_dec(x) for x in v]
    if not isinstance(v, dict):
        return v
    if "$nat" in v:
        return pd.NaT
    if "$na" in v:
        return pd.NA
    if "$tuple" in v:
        return tuple(_dec(x) for x in v["$tuple"])
    if "$ts" in v:
        ts = pd.Timestamp(v["$ts"])
        return ts.as_unit(v["unit"])
    if "$nd" in v:
        return np.array([_dec(x) for x in v["v"]], dtype=np.dtype(v["$nd"]))
    if "$np" in v:
        return np.dtype(v["$np"]).type(v["v"])
    if "$dt" in v:
        return dt.datetime.fromisoformat(v["$dt"])
    if "$date" in v:
        return dt.date.fromisoformat(v["$date"])
    if "$dict" in v:
        return {_dec(k): _dec(x) for k, x in v["$dict"]}
    raise ValueError(f"unknown tag in a snapshot: {sorted(v)}")


def _encode_series(s: pd.Series) -> dict:
    dtype = s.dtype
    out: dict = {"name": _enc(s.name), "dtype": str(dtype)}
    if isinstance(dtype, np.dtype) and dtype.kind in "mM":
        ints = s.to_numpy().view("i8")
        mask = s.isna().to_numpy()
        out["values"] = [None if m else int(i) for i, m in zip(ints, mask, strict=True)]
    elif isinstance(dtype, pd.CategoricalDtype):
        out["categories"] = _encode_series(pd.Series(dtype.categories))
        out["ordered"] = bool(dtype.ordered)
        out["values"] = [int(c) for c in s.cat.codes]
    elif isinstance(dtype, np.dtype) and dtype.kind in "biuf":
        out["values"] = s.to_numpy().tolist()
    elif isinstance(dtype, np.dtype) and dtype.kind == "O":
        out["values"] = [_enc(v) for v in s.tolist()]
    else:  # extension dtypes: str, string, Int64, boolean, Float64…
        mask = s.isna().to_numpy()
        out["values"] = [None if m else _enc(v) for v, m in zip(s.tolist(), mask, strict=True)]
    return out


def _decode_series(d: dict, index: pd.Index) -> pd.Series:
    dtype_s, values, name = d["dtype"], d["values"], _dec(d["name"])
    if "categories" in d:
        cats = _decode_series(d["categories"], pd.RangeIndex(len(d["categories"]["values"])))
        cat = pd.Categorical.from_codes(values, categories=cats, ordered=d["ordered"])
        return pd.Series(cat, index=index, name=name)
    dtype = pd.api.types.pandas_dtype(dtype_s)
    if isinstance(dtype, np.dtype) and dtype.kind in "mM":
        nat = np.iinfo("i8").min
        ints = np.array([nat if v is None else v for v in values], dtype="i8")
        return pd.Series(ints.view(dtype), index=index, name=name)
    if isinstance(dtype, np.dtype) and dtype.kind in "biuf":
        return pd.Series(np.array(values, dtype=dtype), index=index, name=name)
    if isinstance(dtype, np.dtype) and dtype.kind == "O":
        arr = np.empty(len(values), dtype=object)
        for i, v in enumerate(values):
            arr[i] = _dec(v)
        return pd.Series(arr, index=index, name=name, dtype=object)
    return pd.Series([_dec(v) for v in values], index=index, name=name, dtype=dtype)


def frame_to_json(df: pd.DataFrame) -> dict:
    """A DataFrame as JSON-able data; `frame_from_json` gives it back exactly."""
    default_index = isinstance(df.index, pd.RangeIndex) and df.index.equals(pd.RangeIndex(len(df)))
    return {
        "index": None if default_index else _encode_series(df.index.to_series()),
        "columns": [_encode_series(df.iloc[:, i]) for i in range(df.shape[1])],
        "length": len(df),
    }


def frame_from_json(d: dict) -> pd.DataFrame:
    if d["index"] is None:
        index: pd.Index = pd.RangeIndex(d["length"])
    else:
        index = pd.Index(_decode_series(d["index"], pd.RangeIndex(d["length"])))
        index.name = _dec(d["index"]["name"])
    cols = [_decode_series(c, index) for c in d["columns"]]
    if not cols:
        return pd.DataFrame(index=index)
    return pd.concat(cols, axis=1, keys=[c.name for c in cols])


def info_to_json(info: model.PlanInfo) -> dict:
    """A PlanInfo as JSON-able data, field by field (Timestamps and tuples tagged)."""
    return {f.name: _enc(getattr(info, f.name)) for f in dataclasses.fields(info)}


def info_from_json(d: dict) -> model.PlanInfo:
    """The PlanInfo back; fields this code does not know are ignored, missing ones take their
    defaults (a snapshot written by an older or newer release still opens)."""
    known = {f.name for f in dataclasses.fields(model.PlanInfo)}
    values = {k: _dec(v) for k, v in d.items() if k in known}
    for k in ("start", "end"):
        if k in values:
            values[k] = pd.Timestamp(values[k])
    if "level_names" in values:
        values["level_names"] = tuple(values["level_names"])
    return model.PlanInfo(**values)


def _stated_info(plan: model.Plan) -> model.PlanInfo | None:
    """The plan's own description, or None when it is the one inferred for a plan without
    one (it is derived again on reading, and old snapshots and hashes stay as they were)."""
    info = plan.info
    return None if info is None or info == model.inferred_info(plan) else info


def plan_to_json(plan: model.Plan) -> dict:
    """The whole plan as JSON-able data; `plan_from_json` gives it back exactly."""
    out = {
        "tables": {k: frame_to_json(getattr(plan, k)) for k in TABLES},
        "meta": [[k, _enc(v)] for k, v in (plan.meta or {}).items()],
        "sheets": list(plan.sheets),
    }
    info = _stated_info(plan)
    if info is not None:
        out["info"] = info_to_json(info)
    return out


def plan_from_json(d: dict) -> model.Plan:
    tables = {k: frame_from_json(v) for k, v in d["tables"].items()}
    tables["agencies"] = _with_roles(tables["agencies"])
    if "continues" not in tables["products"].columns:  # snapshots written before issue 9
        products = tables["products"].copy()
        at = (
            list(products.columns).index("seq")
            if "seq" in products.columns
            else len(products.columns)
        )
        products.insert(
            at, "continues", pd.Series([""] * len(products), index=products.index, dtype=str)
        )
        tables["products"] = products
    info = info_from_json(d["info"]) if d.get("info") else None
    return model.Plan(
        **tables, meta={k: _dec(v) for k, v in d["meta"]}, sheets=tuple(d["sheets"]), info=info
    )


def _with_roles(agencies: pd.DataFrame) -> pd.DataFrame:
    """Snapshots written before issue 9 hold one `role` per agency: as the list `roles`."""
    if "role" not in agencies.columns or "roles" in agencies.columns:
        return agencies
    out = agencies.copy()
    at = list(out.columns).index("role")
    roles = [[str(r)] if isinstance(r, str) and r else [] for r in out.pop("role")]
    out.insert(at, "roles", pd.Series(roles, index=out.index, dtype=object))
    return out


def content_sha256(plan: model.Plan) -> str:
    """Hash of the data itself: the same data read from other rows or sheets hashes the same."""
    tables = {}
    for k in TABLES:
        df = getattr(plan, k)
        tables[k] = frame_to_json(df.drop(columns=["row"], errors="ignore").reset_index(drop=True))
    payload: dict = {
        "tables": tables,
        "meta": sorted([str(k), str(v)] for k, v in plan.meta.items()),
    }
    info = _stated_info(plan)
    if info is not None:  # a plan without its own description hashes as before
        payload["info"] = info_to_json(info)
    raw = json.dumps(payload, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


def pack(obj: object) -> bytes:
    """JSON, compressed: how snapshots and their issues are stored."""
    return zlib.compress(json.dumps(obj, ensure_ascii=False).encode("utf-8"), 6)


def unpack(raw: bytes) -> object:
    return json.loads(zlib.decompress(raw).decode("utf-8"))


def pack_plan(plan: model.Plan) -> bytes:
    """A plan as the bytes of a snapshot."""
    return pack(plan_to_json(plan))


def unpack_plan(raw: bytes) -> model.Plan:
    return plan_from_json(unpack(raw))


def pack_frame(df: pd.DataFrame) -> bytes:
    """A table (a version's issues) as the bytes of a snapshot."""
    return pack(frame_to_json(df))


def unpack_frame(raw: bytes) -> pd.DataFrame:
    return frame_from_json(unpack(raw))
