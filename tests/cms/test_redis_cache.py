"""The Redis cache the scaled set-up uses, against the Redis server of the test machine."""

import socket
import threading
import uuid

import pytest

from cms.cache import RedisCache

LOCATION = "redis://127.0.0.1:6379/15"


def _redis_is_there():
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=1).close()
        return True
    except OSError:
        return False


pytestmark = pytest.mark.skipif(not _redis_is_there(), reason="no Redis on 127.0.0.1:6379")


@pytest.fixture
def cache():
    cache = RedisCache(LOCATION, {"KEY_PREFIX": f"test-{uuid.uuid4().hex}"})
    yield cache
    cache.clear()


def test_it_keeps_and_gives_back_values_with_one_client_per_pool(cache):
    cache.set("a", {"generation": 1}, 30)
    cache.set_many({"b": 2, "c": 3}, 30)
    assert cache.get("a") == {"generation": 1}
    assert cache.get_many(["a", "b", "c", "missing"]) == {"a": {"generation": 1}, "b": 2,
                                                          "c": 3}
    assert cache.incr("b") == 3
    client = cache._cache.get_client()
    assert cache._cache.get_client(write=True) is client  # not a new Redis per call


def test_threads_share_the_client_safely(cache):
    errors = []

    def work(n):
        try:
            for i in range(50):
                cache.set(f"t{n}:{i}", i, 30)
                assert cache.get(f"t{n}:{i}") == i
        except Exception as error:  # collected: an assert in a thread would be lost
            errors.append(error)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
