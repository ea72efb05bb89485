from django.http import HttpRequest, HttpResponse


def front(request: HttpRequest) -> HttpResponse:
    return HttpResponse("newsdesk")
