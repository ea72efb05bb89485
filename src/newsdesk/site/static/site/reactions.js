// Reactions without a page reload: the form still works when this script does not run.
document.addEventListener("submit", async (event) => {
  const form = event.target.closest(".reaction-form");
  if (!form || !event.submitter) return;
  event.preventDefault();
  const body = new FormData(form);
  body.set("kind", event.submitter.value);
  const response = await fetch(form.action, {
    method: "POST",
    body,
    headers: { Accept: "application/json" },
    credentials: "same-origin",
  });
  if (!response.ok) return form.submit();
  const data = await response.json();
  for (const button of form.querySelectorAll("button.reaction")) {
    const kind = button.dataset.kind;
    button.querySelector(".reaction-count").textContent = data.reactions[kind];
    button.classList.toggle("chosen", kind === data.mine);
    button.setAttribute("aria-pressed", kind === data.mine ? "true" : "false");
  }
});
