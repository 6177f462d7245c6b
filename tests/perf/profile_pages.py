"""CPU per request of each page the benchmark drives, by layer, and its query count:
load-independent figures, fit for a busy machine.

Run after `bench.py` has built its data set (same DATABASE_URL / REDIS_URL):

    .venv/bin/python tests/perf/profile_pages.py [--runs 40] [--profile "course page"]
        [--sql "My learning"] [--anonymous-cached]

For each page it sends `--runs` requests through Django's request handler (the test
client, production settings, DEBUG off) and prints the median CPU time of this process
per request (time.process_time: the database's own work on PostgreSQL or Redis is not in
it; on SQLite it is), the number of SQL queries, and a breakdown of the CPU by layer from a
cProfile run over the same requests (shares of the profiled time, so the profiler's own
overhead cancels out):

    middleware   everything outside the URL resolver and the view
    session+user loading the session and the person (wherever it happens first)
    routing      the URL resolver, plus Wagtail's page routing for pages
    view         the view and its context (queries, services), outside template rendering
    template     Django template rendering
"""

import argparse
import cProfile
import os
import pstats
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

def _code_keys(*functions):
    keys = set()
    for function in functions:
        code = function.__code__
        keys.add((code.co_filename, code.co_firstlineno, code.co_name))
    return keys


def _cumulative(stats, keys):
    """The cumulative time of the outermost calls of the given functions (calls from one
    of them to another, such as an include's Template.render, are not counted twice)."""
    total = 0.0
    for key, (_cc, _nc, _tt, ct, callers) in stats.stats.items():
        if key in keys:
            if not callers:
                total += ct
            else:
                total += sum(v[3] for k, v in callers.items() if k not in keys)
    return total


def breakdown(stats):
    """Each layer's share of the profiled time of a request, in per cent."""
    from django.contrib import auth
    from django.contrib.sessions.backends.base import SessionBase
    from django.core.handlers.base import BaseHandler
    from django.template.base import Template
    from django.urls.resolvers import URLResolver

    from cms import page_cache

    total = _cumulative(stats, _code_keys(BaseHandler.get_response)) or 1
    inner = _cumulative(stats, _code_keys(BaseHandler._get_response))
    session = _cumulative(stats, _code_keys(SessionBase._get_session, auth.get_user))
    routing = _cumulative(stats, _code_keys(URLResolver.resolve, page_cache.route_from_cache))
    template = _cumulative(stats, _code_keys(Template.render))
    view = max(inner - routing - template - session, 0)
    parts = {"middleware": max(total - inner, 0), "session+user": session,
             "routing": routing, "view": view, "template": template}
    return {name: 100 * value / total for name, value in parts.items()}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=40)
    parser.add_argument("--profile", help="print cProfile's top functions for this page")
    parser.add_argument("--sql", help="print the SQL of one request to this page (by name)")
    parser.add_argument("--only", help="only the pages whose names contain this text")
    parser.add_argument("--anonymous-cached", action="store_true",
                        help="keep the anonymous page cache on (hits), instead of misses")
    args = parser.parse_args()

    from tests.perf.bench import base_env

    os.environ.update(base_env())
    if not args.anonymous_cached:
        os.environ["PAGE_CACHE_SECONDS"] = "0"  # anonymous rows show an uncached render
    os.environ["DJANGO_SETTINGS_MODULE"] = "cms.settings"
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from tests.perf.bench import page_list, personas

    info = personas()
    pages = [(name, path, session) for name, path, session, kind in page_list(info)
             if kind != "ceiling" and (not args.only or args.only in name)]
    print(f"{'page':28} {'CPU ms':>7} {'queries':>7} {'KB':>5}  "
          f"{'mw%':>4} {'sess%':>5} {'route%':>6} {'view%':>5} {'tmpl%':>5}")
    for name, path, session in pages:
        client = Client(HTTP_HOST="127.0.0.1")
        if session:
            client.cookies["sessionid"] = session
        for _ in range(3):
            response = client.get(path)
        assert response.status_code == 200, (name, path, response.status_code)
        cpu, counts = [], []
        for _ in range(args.runs):
            with CaptureQueriesContext(connection) as queries:
                c0 = time.process_time()
                response = client.get(path)
                cpu.append(time.process_time() - c0)
            counts.append(len(queries))
            captured = list(queries.captured_queries)
        # CPU time, not wall time: on a shared machine a request descheduled mid-call
        # would otherwise charge the wait to whatever function it was in.
        profiler = cProfile.Profile(time.process_time)
        for _ in range(max(args.runs // 2, 5)):
            profiler.enable()
            client.get(path)
            profiler.disable()
        stats = pstats.Stats(profiler)
        layers = breakdown(stats)
        print(f"{name:28} {1000 * statistics.median(cpu):7.2f} "
              f"{statistics.median(counts):7.0f} {len(response.content) / 1024:5.0f}  "
              f"{layers['middleware']:4.0f} {layers['session+user']:5.0f} "
              f"{layers['routing']:6.0f} {layers['view']:5.0f} {layers['template']:5.0f}",
              flush=True)
        if args.sql == name:
            for query in captured:
                print(f"   {query['time']}  {query['sql'][:300]}")
        if args.profile == name:
            stats.sort_stats(os.environ.get("PROFILE_SORT", "cumulative")).print_stats(int(os.environ.get("PROFILE_LINES", 45)))
    if not args.anonymous_cached:
        print("anonymous rows: the page cache off, i.e. what a cache miss costs")


if __name__ == "__main__":
    main()
