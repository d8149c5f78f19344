// The console's few behaviours; no inline scripts (the Content-Security-Policy allows none).
(function () {
    "use strict";
    var FINISHED = ["succeeded", "failed"];

    function follow(badge) {
        var events = new EventSource(badge.dataset.live);
        events.addEventListener("status", function (message) {
            var view = JSON.parse(message.data);
            badge.textContent = view.status;
            badge.className = "status " + view.status;
            var row = badge.closest("tr");
            if (row && view.finishedAt) {
                row.cells[row.cells.length - 1].textContent = view.finishedAt;
            }
            if (FINISHED.indexOf(view.status) >= 0) {
                events.close();
                if (badge.dataset.reloadWhenDone && window.htmx) {
                    // the outputs came with the end: fetch the page's content again, in place
                    htmx.ajax("GET", window.location.pathname, {target: "#run", select: "#run", swap: "outerHTML"});
                }
            }
        });
    }

    function chart(canvas) {
        if (!window.Chart) {
            return;
        }
        var rows = JSON.parse(canvas.dataset.usage || "[]");
        var days = [], meters = {};
        rows.forEach(function (row) {
            if (days.indexOf(row.day) < 0) days.push(row.day);
            meters[row.eventType] = meters[row.eventType] || {};
            meters[row.eventType][row.day] = Number(row.quantity);
        });
        days.sort();
        var datasets = Object.keys(meters).map(function (meter) {
            return {label: meter, data: days.map(function (day) { return meters[meter][day] || 0; })};
        });
        new Chart(canvas, {type: "bar", data: {labels: days, datasets: datasets},
            options: {responsive: true, maintainAspectRatio: false, animation: false,
                scales: {y: {beginAtZero: true}}}});
    }

    /** Times come as ISO instants; people read them in their own time zone (the instant stays in the title). */
    function localTime(element) {
        var text = element.textContent.trim();
        var at = new Date(text);
        if (!text || isNaN(at.getTime())) return;
        element.setAttribute("datetime", text);
        element.setAttribute("title", text);
        element.textContent = at.toLocaleString([], {dateStyle: "medium", timeStyle: "short"});
    }

    document.addEventListener("DOMContentLoaded", function () {
        document.querySelectorAll("time").forEach(localTime);
        document.querySelectorAll("[data-live]").forEach(follow);
        var switcher = document.querySelector("[data-org-switcher] select");
        if (switcher) {
            switcher.addEventListener("change", function () { window.location.assign(switcher.value); });
        }
        document.querySelectorAll("form[data-confirm]").forEach(function (form) {
            form.addEventListener("submit", function (event) {
                if (!window.confirm(form.dataset.confirm)) event.preventDefault();
            });
        });
    });
    window.addEventListener("load", function () {
        var canvas = document.getElementById("usage-chart");
        if (canvas) chart(canvas);
    });
})();
