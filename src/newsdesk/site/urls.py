from django.urls import path

from newsdesk.site import views

urlpatterns = [
    path("", views.front, name="front"),
]
