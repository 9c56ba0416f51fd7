// 朗读 (read aloud): a button reads a clause or the results' summary with the browser's own speech
// synthesis. Only voices that run on the device (SpeechSynthesisVoice.localService) are used, so no
// text ever leaves it; with no such Chinese voice the buttons stay hidden. A button names what it
// reads with data-read-aloud="#id-of-the-element".
(function () {
  "use strict";

  var synth = window.speechSynthesis;
  if (!synth || typeof window.SpeechSynthesisUtterance !== "function") return;
  var speaking = null; // the button whose text is being read

  function localChineseVoice() {
    var voices = synth.getVoices() || [];
    return voices.filter(function (voice) { return voice.localService === true && /^zh/i.test(voice.lang || ""); })[0] || null;
  }

  function textOf(button) {
    var target = document.querySelector(button.getAttribute("data-read-aloud"));
    if (!target) return "";
    var copy = target.cloneNode(true);
    copy.querySelectorAll("button, .read-aloud").forEach(function (node) { node.remove(); });
    return copy.textContent.replace(/\s+/g, " ").trim();
  }

  function stop() {
    synth.cancel();
    if (speaking) speaking.textContent = "朗读";
    speaking = null;
  }

  function read(button) {
    var voice = localChineseVoice();
    var wasSpeaking = speaking === button;
    stop();
    if (wasSpeaking || !voice) return;
    var utterance = new window.SpeechSynthesisUtterance(textOf(button));
    utterance.voice = voice;
    utterance.lang = voice.lang;
    utterance.rate = 0.9; // a little slower than the default: many listeners are older
    utterance.onend = function () { if (speaking === button) stop(); };
    speaking = button;
    button.textContent = "停止朗读";
    synth.speak(utterance);
  }

  function refresh() {
    var available = Boolean(localChineseVoice());
    document.querySelectorAll("[data-read-aloud]").forEach(function (button) { button.hidden = !available; });
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-read-aloud]");
    if (button) read(button);
  });
  if (typeof synth.addEventListener === "function") synth.addEventListener("voiceschanged", refresh);
  document.addEventListener("DOMContentLoaded", refresh);
  refresh();
  window.readAloud = { refresh: refresh };
})();
