namespace IndicatorEngine;

/// <summary>The province report's own styles and script, beside the scorecard's (<see cref="ScorecardHtmlAssets"/>).</summary>
internal static class BatchReportAssets
{
    public const string Stylesheet = """
        .banner.province { border-color: #2f6fbd; background: #eef4fb; }
        .filter { margin: 8px 0; display: flex; gap: 12px; align-items: center; }
        .filter input { font: inherit; padding: 4px 8px; border: 1px solid var(--line); border-radius: 4px; min-width: 16em; }
        table.data { width: 100%; border-collapse: collapse; margin-bottom: 8px; }
        table.data th, table.data td { border-bottom: 1px solid var(--line); padding: 3px 6px; text-align: left; vertical-align: top; }
        table.data th { background: #f6f8fa; font-size: 12px; }
        table.data .num { text-align: right; }
        table.sortable th { cursor: pointer; user-select: none; white-space: nowrap; }
        table.sortable th[aria-sort="ascending"]::after { content: " ▲"; }
        table.sortable th[aria-sort="descending"]::after { content: " ▼"; }
        .met { color: var(--passed); }
        .missed { color: var(--failed); font-weight: bold; }
        .unknown { color: var(--muted); }
        .verdict-cell-passed { color: var(--passed); }
        .verdict-cell-failed { color: var(--failed); }
        .verdict-cell-undetermined { color: var(--undetermined); }
        .note { color: var(--muted); font-size: 12px; }
        @media print {
          .filter { display: none; }
          table.data tr { break-inside: avoid; page-break-inside: avoid; }
        }
        """;

    /// <summary>
    /// Draws the four charts on canvas from #chart-data (no animation; <c>document.body.dataset.chartsReady = "1"</c>
    /// once all have rendered), sorts the ranking by the column header clicked (again: the other way) and shows only
    /// the rows whose city contains what is typed in the filter.
    /// </summary>
    public const string Script = """
        (function () {
          var data = JSON.parse(document.getElementById('chart-data').textContent);
          var font = data.font;
          var pending = 4;
          var charts = [];
          function draw(id, option) {
            var chart = echarts.init(document.getElementById(id), null, { renderer: 'canvas' });
            chart.on('finished', function () {
              if (chart.__ready) { return; }
              chart.__ready = true;
              pending -= 1;
              if (pending === 0) { document.body.dataset.chartsReady = '1'; }
            });
            option.animation = false;
            option.textStyle = { fontFamily: font };
            chart.setOption(option);
            charts.push(chart);
            return chart;
          }
          var bins = data.histogram.bins;
          var width = bins.length ? bins[0].to - bins[0].from : 1;
          var histBox = document.getElementById('histogram-chart');
          function barWidth() { return Math.max(2, histBox.clientWidth * 0.8 / Math.max(bins.length, 1)); }
          var hist = draw('histogram-chart', {
            tooltip: { formatter: function (p) { var b = bins[p.dataIndex]; return b.from + ' – ' + b.to + ': ' + b.count; } },
            grid: { left: 8, right: 24, top: 28, bottom: 32, containLabel: true },
            xAxis: { type: 'value', min: 0, max: data.histogram.max, name: data.labels.total, nameLocation: 'middle', nameGap: 24 },
            yAxis: { type: 'value', name: data.labels.schools, minInterval: 1 },
            series: [{
              type: 'bar', name: data.labels.schools, barWidth: barWidth(),
              data: bins.map(function (b) { return [b.from + width / 2, b.count]; }),
              itemStyle: { color: '#2f6fbd' },
              markLine: {
                symbol: 'none', lineStyle: { color: '#b3261e', width: 2, type: 'solid' },
                label: { formatter: data.labels.bar + ' {c}' },
                data: data.histogram.thresholds.map(function (t) { return { xAxis: t }; })
              }
            }]
          });
          draw('grade-chart', {
            tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
            grid: { left: 8, right: 24, top: 16, bottom: 24, containLabel: true },
            xAxis: { type: 'category', data: data.grades.map(function (g) { return g.name; }) },
            yAxis: { type: 'value', minInterval: 1 },
            series: [{ type: 'bar', name: data.labels.schools, data: data.grades.map(function (g) { return g.count; }),
              label: { show: true, position: 'top' }, itemStyle: { color: '#1b7f3b' } }]
          });
          draw('share-chart', {
            tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
            grid: { left: 8, right: 48, top: 8, bottom: 24, containLabel: true },
            xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
            yAxis: { type: 'category', inverse: true, data: data.shares.map(function (s) { return s.name; }) },
            series: [{ type: 'bar', name: data.labels.share, data: data.shares.map(function (s) { return s.percent; }),
              label: { show: true, position: 'right', formatter: '{c}%' }, itemStyle: { color: '#9a6700' } }]
          });
          var cityBox = document.getElementById('city-chart');
          cityBox.style.height = Math.max(240, 24 * data.cities.length + 60) + 'px';
          draw('city-chart', {
            tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
            grid: { left: 8, right: 48, top: 8, bottom: 24, containLabel: true },
            xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
            yAxis: { type: 'category', inverse: true, data: data.cities.map(function (c) { return c.name; }) },
            series: [{ type: 'bar', name: data.labels.passRate, data: data.cities.map(function (c) { return c.percent; }),
              label: { show: true, position: 'right', formatter: '{c}%' }, itemStyle: { color: '#2f6fbd' } }]
          });
          function resize() { charts.forEach(function (c) { c.resize(); }); hist.setOption({ series: [{ barWidth: barWidth() }] }); }
          window.addEventListener('resize', resize);
          window.addEventListener('beforeprint', resize);
          window.addEventListener('afterprint', resize);

          var table = document.getElementById('ranking');
          var body = table.tBodies[0];
          var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);
          heads.forEach(function (th, column) {
            th.addEventListener('click', function () {
              var ascending = th.getAttribute('aria-sort') !== 'ascending';
              heads.forEach(function (h) { h.removeAttribute('aria-sort'); });
              th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
              var numeric = th.dataset.type === 'number';
              var rows = Array.prototype.slice.call(body.rows);
              rows.sort(function (a, b) {
                var x = a.cells[column].dataset.value, y = b.cells[column].dataset.value;
                var order = numeric ? Number(x) - Number(y) : x.localeCompare(y, 'zh-CN');
                if (order === 0) { order = a.dataset.id < b.dataset.id ? -1 : a.dataset.id > b.dataset.id ? 1 : 0; }
                return ascending ? order : -order;
              });
              rows.forEach(function (row) { body.appendChild(row); });
            });
          });
          var filter = document.getElementById('city-filter');
          var shown = document.getElementById('ranking-shown');
          function applyFilter() {
            var text = filter.value.trim();
            var count = 0;
            Array.prototype.forEach.call(body.rows, function (row) {
              var match = text === '' || row.dataset.city.indexOf(text) >= 0;
              row.hidden = !match;
              if (match) { count += 1; }
            });
            shown.textContent = String(count);
          }
          filter.addEventListener('input', applyFilter);
        })();
        """;
}
