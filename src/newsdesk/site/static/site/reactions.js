// Reactions without a page reload. Without this script the form posts and the page comes back.
document.addEventListener("submit", async (event) => {
  const form = event.target.closest(".reaction-form");
  const button = event.submitter;
  if (!form || !button) return;
  event.preventDefault();
  if (form.dataset.busy) return;  // one reaction at a time, so a double click cannot undo itself
  form.dataset.busy = "true";
  button.setAttribute("aria-busy", "true");
  const body = new FormData(form);
  body.set("kind", button.value);
  try {
    const response = await fetch(form.action, {
      method: "POST",
      body,
      headers: { Accept: "application/json" },
      credentials: "same-origin",
    });
    if (!response.ok) throw new Error(`reaction refused: ${response.status}`);
    show(form, await response.json());
  } catch {
    // Fall back to the plain post, which reports the problem on a page of its own.
    const kind = document.createElement("input");
    kind.type = "hidden";
    kind.name = "kind";
    kind.value = button.value;
    form.append(kind);
    HTMLFormElement.prototype.submit.call(form);
  } finally {
    delete form.dataset.busy;
    button.removeAttribute("aria-busy");
  }
});

function show(form, data) {
  for (const button of form.querySelectorAll("button.reaction")) {
    const kind = button.dataset.kind;
    const mine = kind === data.mine;
    button.querySelector(".reaction-count").textContent = data.reactions[kind];
    button.classList.toggle("chosen", mine);
    button.setAttribute("aria-pressed", mine ? "true" : "false");
  }
}
