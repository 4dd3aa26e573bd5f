"""The schedule file of ``khabar schedule``: read, checked at start, and turned into typed groups.

    store: ./archive                 # a folder (relative to this file) or s3://bucket/prefix
    max_parallel: 2                  # crawls running at once, at most
    catalog_extra: [more.yaml]       # (optional) catalog, catalog_extra: as khabar crawl --catalog…
    logs: ./schedule-logs            # (optional) where each run's output goes; default <store>/state/schedule/
    metrics_port: 9410               # (optional) serve the scheduler's metrics (0: a free port); --metrics-port wins
    metrics_host: 127.0.0.1          # (optional) the address it binds; --metrics-host wins
    workers: 1                       # (optional) crawl options for every group: since, max_articles,
    settings: {KHABAR_WARC_PREFIX: host1}   # backfill, full, lang, workers, log_level, settings
    groups:
      sahel:
        country: [ML, BF, NE]        # or outlets: [lefaso, maliweb], or all: true
        cron: "*/30 * * * *"         # five-field cron, UTC (croniter); or every: 2h (s, m, h, d: 90s, 1h30m)
        max_articles: 200            # the group's crawl options override the file's

Every problem is reported at once, each with the file, the line and what is allowed; the error is a
``ScheduleInvalid`` (exit 2). ``all: true`` and ``country`` pick the catalog's outlets that ``khabar crawl
--all`` crawls (the bundled demo outlets only when named by id).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import yaml

from crawler.errors import ScheduleInvalid

TOP_KEYS = ("store", "max_parallel", "catalog", "catalog_extra", "logs", "metrics_port", "metrics_host", "groups")
SELECT_KEYS = ("outlets", "all", "country")
WHEN_KEYS = ("cron", "every")
CRAWL_KEYS = ("since", "max_articles", "backfill", "full", "lang", "workers", "log_level", "settings")
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR")
_RESERVED_SETTINGS = {"KHABAR_STORE_URI": "store", "KHABAR_CATALOG": "catalog", "KHABAR_CATALOG_EXTRA": "catalog_extra",
                      "KHABAR_CRAWL_ID": "(none: the scheduler names each run)"}
_FILE_ONLY_SETTINGS = ("KHABAR_SPOOL_DIR",)  # where an S3 store's local state (its outlet locks) lives
_INTERVAL = re.compile(r"(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?")


@dataclass(frozen=True)
class CrawlOptions:
    """What a ``khabar crawl`` of a scheduled run is given besides its outlet (None: the crawl's default)."""

    since: str | None = None
    max_articles: int | None = None
    backfill: bool = False
    full: bool = False
    lang: tuple[str, ...] = ()
    workers: int | None = None
    log_level: str | None = None
    settings: Mapping[str, str] = field(default_factory=dict)

    def then(self, other: Mapping[str, Any]) -> CrawlOptions:
        """These options with a group's own ones on top (settings merged name by name)."""
        values = {name: getattr(self, name) for name in CRAWL_KEYS}
        values.update({name: value for name, value in other.items() if name != "settings"})
        values["settings"] = {**self.settings, **other.get("settings", {})}
        return CrawlOptions(**values)


@dataclass(frozen=True)
class Trigger:
    """When a group runs: a cron expression (UTC) or an interval from the scheduler's start."""

    cron: str | None = None
    every: timedelta | None = None

    def first(self, start: datetime) -> datetime:
        """The first time at or after ``start``: an interval group runs at once, a cron group at its next time."""
        return start if self.every is not None else self.after(start)

    def after(self, moment: datetime) -> datetime:
        """The first time strictly after ``moment``."""
        if self.every is not None:
            return moment + self.every
        from croniter import croniter  # type: ignore[import-untyped]  # no stubs: its values are checked here

        found: datetime = croniter(self.cron, moment).get_next(datetime)
        return found

    def describe(self) -> str:
        return f"cron {self.cron!r} (UTC)" if self.cron is not None else f"every {_say_interval(self.every)}"


@dataclass(frozen=True)
class Group:
    name: str
    outlets: tuple[str, ...]
    trigger: Trigger
    options: CrawlOptions


@dataclass(frozen=True)
class ScheduleConfig:
    path: Path
    store: str
    max_parallel: int
    groups: tuple[Group, ...]
    catalog: str | None = None
    catalog_extra: tuple[str, ...] = ()
    logs: Path | None = None
    """None: the store's ``state/schedule/`` folder (``crawler.storage.layout.schedule_logs_dir``)."""
    settings: Mapping[str, str] = field(default_factory=dict)
    """The file's own ``settings`` (every group's crawls get them)."""
    metrics_port: int | None = None
    """Where the scheduler serves its own metrics (``crawler.schedule.metrics``); None: nowhere."""
    metrics_host: str | None = None

    def crawl_settings(self) -> dict[str, Any]:
        """The settings the file gives every crawl (store and catalogs included): the scheduler finds the
        store's local folder (its outlet locks) with them."""
        values: dict[str, Any] = {**self.settings, "KHABAR_STORE_URI": self.store}
        if self.catalog:
            values["KHABAR_CATALOG"] = self.catalog
        if self.catalog_extra:
            values["KHABAR_CATALOG_EXTRA"] = list(self.catalog_extra)
        return values


# -- reading YAML with the line of every key and list item ---------------------------------------
class _Map(dict[Any, Any]):
    line: int
    lines: dict[Any, int]


class _List(list[Any]):
    line: int
    lines: list[int]


class _Loader(yaml.SafeLoader):
    pass


def _construct_map(loader: _Loader, node: yaml.MappingNode) -> _Map:
    loader.flatten_mapping(node)
    result = _Map()
    result.line, result.lines = node.start_mark.line + 1, {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in result:
            raise ScheduleInvalid([f"line {key_node.start_mark.line + 1}: key {key!r} appears twice; keep one"])
        result[key] = loader.construct_object(value_node, deep=True)
        result.lines[key] = key_node.start_mark.line + 1
    return result


def _construct_list(loader: _Loader, node: yaml.SequenceNode) -> _List:
    result = _List(loader.construct_object(item, deep=True) for item in node.value)
    result.line, result.lines = node.start_mark.line + 1, [item.start_mark.line + 1 for item in node.value]
    return result


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_map)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_list)


# -- checking ---------------------------------------------------------------------------------------
class _Problems:
    def __init__(self) -> None:
        self._found: list[tuple[int, str]] = []

    def add(self, line: int, text: str) -> None:
        self._found.append((line, text))

    @property
    def found(self) -> list[str]:
        """Every problem, in the order of the file's lines."""
        return [f"line {line}: {text}" for line, text in sorted(self._found, key=lambda item: item[0])]


def load_schedule(path: str | Path, known_setting: Callable[[str], bool] | None = None) -> ScheduleConfig:
    """Read and check the schedule file ``path``; raise ``ScheduleInvalid`` listing every problem.

    ``known_setting(name)`` says whether a ``KHABAR_*`` name is a setting (default: the settings module's).
    """
    path = Path(path)
    try:
        raw = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)  # noqa: S506 (a SafeLoader subclass)
    except OSError as exc:
        raise ScheduleInvalid([f"cannot be read: {exc.strerror}"], str(path)) from None
    except ScheduleInvalid as exc:
        raise ScheduleInvalid(exc.problems, str(path)) from None
    except yaml.MarkedYAMLError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else 0
        raise ScheduleInvalid([f"line {line}: not valid YAML ({exc.problem})"], str(path)) from None
    if not isinstance(raw, _Map):
        raise ScheduleInvalid(["line 1: the file must be a mapping with the keys " + ", ".join(TOP_KEYS) +
                               ", and crawl options for every group (" + ", ".join(CRAWL_KEYS) + ")"], str(path))
    problems = _Problems()
    _unknown_keys(raw, (*TOP_KEYS, *CRAWL_KEYS), "at the top level", problems)
    base = path.parent
    store = raw.get("store")
    if not isinstance(store, str) or not store.strip():
        problems.add(raw.lines.get("store", raw.line), "'store' must name the store: a folder or s3://bucket/prefix")
        store = ""
    max_parallel = raw.get("max_parallel", 1)
    if not isinstance(max_parallel, int) or isinstance(max_parallel, bool) or max_parallel < 1:
        problems.add(raw.lines.get("max_parallel", raw.line), f"'max_parallel' must be a whole number ≥ 1, not {max_parallel!r}")
        max_parallel = 1
    catalog = _path_or_none(raw, "catalog", base, problems)
    extra = _paths(raw, "catalog_extra", base, problems)
    logs = _path_or_none(raw, "logs", base, problems, must_exist=False)
    metrics_port, metrics_host = _metrics_address(raw, problems)
    check_setting = known_setting or _module_setting
    defaults = CrawlOptions().then(_crawl_options(raw, "the file", check_setting, problems))
    groups = raw.get("groups")
    if not isinstance(groups, _Map) or not groups:
        problems.add(raw.lines.get("groups", raw.line), "'groups' must map group names to their outlets and times, "
                                                         "e.g. groups: {sahel: {country: [ML, BF], every: 2h}}")
        groups = _Map()
        groups.line, groups.lines = raw.line, {}
    catalog_ids, pick = _catalog(catalog, extra, problems, raw.lines.get("catalog_extra", raw.lines.get("catalog", 1)))
    parsed = []
    for name, spec in groups.items():
        line = groups.lines[name]
        if not isinstance(spec, _Map):
            problems.add(line, f"group {name!r} must be a mapping (outlets/all/country, cron/every, crawl options)")
            continue
        spec.line = line  # a group's own problems point at its name
        group = _group(str(name), spec, catalog_ids, pick, defaults, check_setting, problems)
        if group is not None:
            parsed.append(group)
    if problems.found:
        raise ScheduleInvalid(problems.found, str(path))
    return ScheduleConfig(path=path, store=_local_or_uri(store, base), max_parallel=max_parallel, groups=tuple(parsed),
                          catalog=catalog, catalog_extra=tuple(extra), logs=Path(logs) if logs else None,
                          settings=dict(defaults.settings), metrics_port=metrics_port, metrics_host=metrics_host)


def _metrics_address(raw: _Map, problems: _Problems) -> tuple[int | None, str | None]:
    port, host = raw.get("metrics_port"), raw.get("metrics_host")
    if port is not None and (not isinstance(port, int) or isinstance(port, bool) or not 0 <= port < 65536):
        problems.add(raw.lines["metrics_port"], f"'metrics_port' must be a TCP port, 1 to 65535 (0: a free one), not {port!r}")
        port = None
    if host is not None and (not isinstance(host, str) or not host.strip()):
        problems.add(raw.lines["metrics_host"], f"'metrics_host' must be an address of this machine, e.g. 127.0.0.1, "
                                                f"not {host!r}")
        host = None
    return port, host


def _unknown_keys(mapping: _Map, allowed: tuple[str, ...], where: str, problems: _Problems) -> None:
    for key in mapping:
        if key not in allowed:
            problems.add(mapping.lines[key], f"unknown key {key!r} {where}; allowed: {', '.join(allowed)}")


def _local_or_uri(value: str, base: Path) -> str:
    if "://" in value:
        return value
    return str((base / Path(value).expanduser()).resolve())


def _path_or_none(raw: _Map, key: str, base: Path, problems: _Problems, must_exist: bool = True) -> str | None:
    value = raw.get(key)
    if value is None:
        return None
    if not isinstance(value, str) or not value:
        problems.add(raw.lines[key], f"{key!r} must be a file path")
        return None
    resolved = _local_or_uri(value, base)
    if must_exist and not Path(resolved).is_file():
        problems.add(raw.lines[key], f"{key!r}: no file {resolved}")
    return resolved


def _paths(raw: _Map, key: str, base: Path, problems: _Problems) -> list[str]:
    value = raw.get(key, [])
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not all(isinstance(item, str) for item in items):
        problems.add(raw.lines[key], f"{key!r} must be a file path or a list of them")
        return []
    found = []
    for item in items:
        resolved = _local_or_uri(item, base)
        if Path(resolved).is_file():
            found.append(resolved)
        else:
            problems.add(raw.lines[key], f"{key!r}: no file {resolved}")
    return found


def _catalog(catalog: str | None, extra: list[str], problems: _Problems, line: int) -> tuple[list[str], Callable[..., list[str]]]:
    """The catalog's ids, and a function picking the ``--all`` outlets (of some countries)."""
    from scrapy.settings import Settings

    from crawler.catalog import catalog_from_settings
    from crawler.errors import KhabarError

    try:
        found = catalog_from_settings(Settings({"KHABAR_CATALOG": catalog, "KHABAR_CATALOG_EXTRA": extra}))
    except (KhabarError, OSError, yaml.YAMLError) as exc:
        problems.add(line, f"the catalog cannot be read: {exc}")
        return [], lambda countries=None: []

    def pick(countries: set[str] | None = None) -> list[str]:
        return [o.id for o in found if not o.demo and (countries is None or o.country in countries)]

    return found.ids(), pick


def _group(name: str, spec: _Map, catalog_ids: list[str], pick: Callable[..., list[str]], defaults: CrawlOptions,
           known_setting: Callable[[str], bool], problems: _Problems) -> Group | None:
    where = f"group {name!r}"
    _unknown_keys(spec, (*SELECT_KEYS, *WHEN_KEYS, *CRAWL_KEYS), f"in {where}", problems)
    outlets = _select(name, spec, catalog_ids, pick, problems)
    trigger = _trigger(name, spec, problems)
    options = defaults.then(_crawl_options(spec, where, known_setting, problems))
    if outlets is None or trigger is None:
        return None
    return Group(name=name, outlets=outlets, trigger=trigger, options=options)


def _select(name: str, spec: _Map, catalog_ids: list[str], pick: Callable[..., list[str]],
            problems: _Problems) -> tuple[str, ...] | None:
    chosen = [key for key in SELECT_KEYS if key in spec]
    if len(chosen) != 1:
        problems.add(spec.line, f"group {name!r} must pick its outlets with exactly one of: outlets: [ids…], "
                                f"all: true, country: [ML, BF…] (it has {', '.join(chosen) or 'none'})")
        return None
    key, value = chosen[0], spec[chosen[0]]
    line = spec.lines[key]
    if key == "all":
        if value is not True:
            problems.add(line, f"group {name!r}: 'all' can only be true (every outlet of the catalog)")
            return None
        return tuple(pick())
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not items or not all(isinstance(item, str) for item in items):
        problems.add(line, f"group {name!r}: {key!r} must be a list of "
                           + ("outlet ids (see 'khabar outlets')" if key == "outlets" else "country codes such as ML, BF"))
        return None
    lines = items.lines if isinstance(items, _List) else [line] * len(items)
    if key == "country":
        countries = {item.upper() for item in items}
        found = pick(countries)
        if not found:
            problems.add(line, f"group {name!r}: no outlet of the catalog is in {', '.join(sorted(countries))}; "
                               "'khabar outlets --country CODE' lists a country's outlets")
            return None
        return tuple(found)
    ok = True
    for item, item_line in zip(items, lines, strict=True):
        if item not in catalog_ids:
            close = [known for known in catalog_ids if item.lower() in known or known in item.lower()][:5]
            hint = f" (did you mean {', '.join(close)}?)" if close else ""
            problems.add(item_line, f"group {name!r}: unknown outlet {item!r}{hint}; 'khabar outlets' lists the "
                                    "catalog's ids (add catalog_extra for outlets of another catalog file)")
            ok = False
    return tuple(dict.fromkeys(items)) if ok else None


def _trigger(name: str, spec: _Map, problems: _Problems) -> Trigger | None:
    chosen = [key for key in WHEN_KEYS if key in spec]
    if len(chosen) != 1:
        problems.add(spec.line, f"group {name!r} must say when it runs with exactly one of: cron: \"*/30 * * * *\" "
                                f"or every: 2h (it has {', '.join(chosen) or 'none'})")
        return None
    key = chosen[0]
    value, line = spec[key], spec.lines[key]
    if key == "cron":
        from croniter import croniter

        if not isinstance(value, str) or len(value.split()) != 5 or not croniter.is_valid(value) or _step_too_long(value):
            problems.add(line, f"group {name!r}: {value!r} is not a cron expression; use five fields "
                               "(minute hour day-of-month month day-of-week, in UTC), e.g. \"*/30 * * * *\" or \"0 3 * * 1-5\"")
            return None
        try:
            Trigger(cron=value).after(datetime(2000, 1, 1, tzinfo=UTC))
        except ValueError:  # croniter's CroniterBadDateError: e.g. "0 0 31 2 *" (February 31st)
            problems.add(line, f"group {name!r}: cron {value!r} names a time that never comes; check its day and month")
            return None
        return Trigger(cron=value)
    every = parse_interval(value)
    if every is None:
        problems.add(line, f"group {name!r}: every {value!r} is not an interval; use a number with s, m, h or d, "
                           "e.g. 90s, 30m, 2h, 1d or 1h30m")
        return None
    return Trigger(every=every)


_FIELD_SPANS = (60, 24, 31, 12, 7)  # minute, hour, day of month, month, day of week


def _step_too_long(cron: str) -> bool:
    """Whether a step (``*/61``) is longer than its field: croniter takes it, and it runs once (at 0), not every 61."""
    for field_text, span in zip(cron.split(), _FIELD_SPANS, strict=True):
        for part in field_text.split(","):
            step = part.partition("/")[2]
            if step.isdigit() and int(step) > span:
                return True
    return False


def parse_interval(value: Any) -> timedelta | None:
    """``"2h"``, ``"1h30m"``, ``"90s"``, ``"1d"`` → a timedelta; None when it is not one (or zero)."""
    if not isinstance(value, str) or not value.strip():
        return None
    match = _INTERVAL.fullmatch(value.strip())
    if match is None or not any(match.groups()):
        return None
    days, hours, minutes, seconds = (int(part or 0) for part in match.groups())
    found = timedelta(days=days, hours=hours, minutes=minutes, seconds=seconds)
    return found if found > timedelta(0) else None


def _say_interval(every: timedelta | None) -> str:
    seconds = int(every.total_seconds()) if every else 0
    parts = []
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60), ("s", 1)):
        if seconds >= size:
            parts.append(f"{seconds // size}{unit}")
            seconds %= size
    return "".join(parts) or "0s"


def _crawl_options(spec: _Map, where: str, known_setting: Callable[[str], bool], problems: _Problems) -> dict[str, Any]:
    """The crawl options ``spec`` sets, checked."""
    found: dict[str, Any] = {}
    for key in CRAWL_KEYS:
        if key not in spec:
            continue
        value, line = spec[key], spec.lines[key]
        if key == "since":
            text = value.isoformat() if isinstance(value, date) else value
            try:
                date.fromisoformat(str(text))
            except ValueError:
                problems.add(line, f"{where}: 'since' must be a day, YYYY-MM-DD, not {value!r}")
                continue
            found[key] = str(text)
        elif key in ("max_articles", "workers"):
            low = 1 if key == "max_articles" else 0
            if not isinstance(value, int) or isinstance(value, bool) or value < low:
                problems.add(line, f"{where}: {key!r} must be a whole number ≥ {low}, not {value!r}")
                continue
            found[key] = value
        elif key in ("backfill", "full"):
            if not isinstance(value, bool):
                problems.add(line, f"{where}: {key!r} must be true or false, not {value!r}")
                continue
            found[key] = value
        elif key == "lang":
            codes = [value] if isinstance(value, str) else value
            if not isinstance(codes, list) or not all(isinstance(c, str) and c.isalpha() and 2 <= len(c) <= 3 for c in codes):
                problems.add(line, f"{where}: 'lang' must be a list of ISO 639-1 codes such as [fr, ar], not {value!r}")
                continue
            found[key] = tuple(code.lower() for code in codes)
        elif key == "log_level":
            if value not in LOG_LEVELS:
                problems.add(line, f"{where}: 'log_level' must be one of {', '.join(LOG_LEVELS)}, not {value!r}")
                continue
            found[key] = value
        else:
            found[key] = _settings(value, spec.lines[key], where, known_setting, problems)
    return found


def _settings(value: Any, line: int, where: str, known_setting: Callable[[str], bool], problems: _Problems) -> dict[str, str]:
    if not isinstance(value, _Map):
        problems.add(line, f"{where}: 'settings' must map setting names to values, e.g. {{KHABAR_WARC_PREFIX: host1}}")
        return {}
    found = {}
    for name, setting in value.items():
        name_line = value.lines[name]
        if not isinstance(name, str) or not name.isupper():
            problems.add(name_line, f"{where}: setting {name!r} is not a setting name (UPPER_CASE, e.g. KHABAR_WARC_PREFIX)")
        elif name in _FILE_ONLY_SETTINGS and where != "the file":
            problems.add(name_line, f"{where}: setting {name} can only be set for the whole file (its top-level "
                                    "settings): the scheduler and every crawl must find the same local state")
        elif name in _RESERVED_SETTINGS:
            problems.add(name_line, f"{where}: setting {name} is set by the schedule file's key {_RESERVED_SETTINGS[name]}")
        elif name.startswith("KHABAR_") and not known_setting(name):
            problems.add(name_line, f"{where}: unknown setting {name}; the KHABAR_ settings are listed in "
                                    "settings/__init__.py and the README")
        elif isinstance(setting, (dict, list)):
            problems.add(name_line, f"{where}: setting {name} must be a single value (text, number or true/false)")
        else:
            found[name] = _setting_text(setting)
    return found


def _setting_text(value: Any) -> str:
    if isinstance(value, bool):
        return "True" if value else "False"
    return "" if value is None else str(value)


def _module_setting(name: str) -> bool:
    from scrapy.settings import Settings

    settings = Settings()
    settings.setmodule("settings", priority="project")
    return name in settings
