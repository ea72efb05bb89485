"""The comment form, with a field only robots fill in."""

from django import forms

from newsdesk.news.models import Comment


class CommentForm(forms.ModelForm):
    # Hidden from people by CSS; a bot that fills every field gives itself away.
    website = forms.CharField(required=False, label="Leave this empty")

    class Meta:
        model = Comment
        fields = ["name", "text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 4, "maxlength": 5000})}
        labels = {"text": "Comment"}

    def clean_name(self) -> str:
        name = " ".join(self.cleaned_data["name"].split())
        if len(name) < 2:
            raise forms.ValidationError("Please give a name of at least two letters.")
        return name

    def clean_text(self) -> str:
        text = self.cleaned_data["text"].strip()
        if len(text) < 2:
            raise forms.ValidationError("Please write a comment.")
        return text

    def is_spam(self) -> bool:
        return bool(self.cleaned_data.get("website"))
