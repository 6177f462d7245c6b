"""Django's Redis cache, with one Redis client per connection pool instead of one per
call. Django builds a `redis.Redis` for every get and set; building one registers some 170
response callbacks, which made each request's one cache read cost more than the round trip.
A client is safe to share between threads (each command takes a connection from the pool)."""

from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient


class _ClientPerPool(RedisCacheClient):
    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        clients = self.__dict__.setdefault("_clients", {})
        client = clients.get(id(pool))
        if client is None:
            client = clients[id(pool)] = self._client(connection_pool=pool)
        return client


class RedisCache(DjangoRedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = _ClientPerPool
