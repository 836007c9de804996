// The CMS's Markdown editor (method/widgets.py). While an editor types, the preview is
// rendered again by our own renderer (POST to the widget's preview URL, after a pause);
// the step picker inserts [title](knooppunt:key) at the cursor. Event delegation, so tips
// and stories added to the page later work too. No inline code: the admin's CSP allows it,
// but we do not need it.
(function () {
  "use strict";

  var DELAY = 350;
  var state = new WeakMap();

  function csrfToken() {
    var input = document.querySelector("input[name=csrfmiddlewaretoken]");
    if (input) return input.value;
    var match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : "";
  }

  function editorOf(element) {
    return element.closest("[data-wk-markdown]");
  }

  function stateOf(editor) {
    var current = state.get(editor);
    if (!current) {
      current = { timer: null, sequence: 0 };
      state.set(editor, current);
    }
    return current;
  }

  function showUnknown(editor, keys) {
    var warning = editor.querySelector("[data-wk-unknown]");
    if (!warning) return;
    if (keys && keys.length) {
      warning.textContent = (editor.dataset.unknownText || "?") + " " + keys.join(", ");
      warning.hidden = false;
    } else {
      warning.textContent = "";
      warning.hidden = true;
    }
  }

  function refresh(editor) {
    var textarea = editor.querySelector("textarea");
    var preview = editor.querySelector("[data-wk-preview]");
    var current = stateOf(editor);
    var sequence = ++current.sequence;
    var body = new FormData();
    body.append("text", textarea.value);
    editor.classList.add("wk-markdown--busy");
    fetch(editor.dataset.previewUrl, {
      method: "POST",
      body: body,
      credentials: "same-origin",
      headers: { "X-CSRFToken": csrfToken(), "X-Requested-With": "XMLHttpRequest" },
    })
      .then(function (response) {
        return response.json().then(function (data) {
          return { ok: response.ok, data: data };
        });
      })
      .then(function (result) {
        if (sequence !== current.sequence) return; // a newer request is on its way
        if (!result.ok) throw new Error(result.data && result.data.error);
        // The server sanitised this HTML (nh3) with the same rules as the public site.
        preview.innerHTML = result.data.html;
        showUnknown(editor, result.data.unknown_keys);
      })
      .catch(function (error) {
        if (sequence !== current.sequence) return;
        preview.textContent = (error && error.message) || editor.dataset.errorText;
      })
      .finally(function () {
        if (sequence === current.sequence) editor.classList.remove("wk-markdown--busy");
      });
  }

  function schedule(editor) {
    var current = stateOf(editor);
    clearTimeout(current.timer);
    current.timer = setTimeout(function () {
      refresh(editor);
    }, DELAY);
  }

  function insertLink(button) {
    var editor = editorOf(button);
    var select = editor.querySelector("[data-wk-step-select]");
    var textarea = editor.querySelector("textarea");
    var option = select.options[select.selectedIndex];
    if (!option || !option.value) {
      select.focus();
      return;
    }
    var start = textarea.selectionStart;
    var end = textarea.selectionEnd;
    // The selected words become the link text; otherwise the step's title.
    var label = (textarea.value.slice(start, end) || option.dataset.title).replace(/[\[\]\n]/g, " ").trim();
    textarea.setRangeText("[" + label + "](knooppunt:" + option.value + ")", start, end, "end");
    textarea.focus();
    textarea.dispatchEvent(new Event("input", { bubbles: true }));
  }

  document.addEventListener("input", function (event) {
    var target = event.target;
    if (target.matches && target.matches("[data-wk-markdown] textarea")) schedule(editorOf(target));
  });

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-wk-insert-link]");
    if (button) {
      event.preventDefault();
      insertLink(button);
    }
  });
})();
