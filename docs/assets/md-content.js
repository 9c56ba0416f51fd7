// Material's inline content script (open a content tab named by the URL fragment), moved to a file.
var target = document.getElementById(location.hash.slice(1));
if (target && target.name) target.checked = target.name.startsWith("__tabbed_");
