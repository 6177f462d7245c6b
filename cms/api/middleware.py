from django.utils import timezone

from cms.adapters import client_ip


class ApiRequestLogMiddleware:
    """Every request made with a token is logged: when, what, the answer, from where.
    (The token authentication marks the request; unknown tokens are not logged, as there is
    no token to log them against.)"""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        token = getattr(request, "api_token", None)
        if token is not None:
            from cms.models import ApiRequestLog

            ApiRequestLog.objects.create(
                token=token, at=timezone.now(), method=request.method[:10],
                path=request.path[:500], query=request.META.get("QUERY_STRING", "")[:500],
                status_code=response.status_code, client_ip=client_ip(request) or None)
        return response
