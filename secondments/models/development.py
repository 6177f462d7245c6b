"""A visiting leader's development plan: goals with how they will reach them and their
reflections, agreed with a mentor, who can read the plan and comment on it."""

from django.conf import settings
from django.db import models
from django.utils import timezone


class DevelopmentGoal(models.Model):
    class Status(models.TextChoices):
        WORKING = "working", "Working on it"
        ACHIEVED = "achieved", "Achieved"

    leader = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                               related_name="development_goals")
    title = models.CharField("goal", max_length=200)
    plan = models.TextField("how you will get there", max_length=4000, blank=True)
    reflection = models.TextField("your reflections", max_length=4000, blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.WORKING)
    agreed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                  on_delete=models.SET_NULL, related_name="+")
    agreed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.title} ({self.leader})"


class GoalComment(models.Model):
    goal = models.ForeignKey(DevelopmentGoal, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                               on_delete=models.SET_NULL, related_name="+")
    text = models.TextField("comment", max_length=2000)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"Comment on {self.goal_id} by {self.author_id}"
