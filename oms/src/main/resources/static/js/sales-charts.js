// Draws each element with a data-chart attribute (the report's chart as JSON) with ECharts, in Japanese.
// The table under the chart holds the same figures, so the chart is never the only way to read them.
(function () {
  'use strict';

  function yen(value) {
    return value === null || value === undefined ? '-' : Number(value).toLocaleString('ja-JP') + '円';
  }

  function percentSeries(series) {
    return series.name.indexOf('%') >= 0;
  }

  function option(spec) {
    if (spec.type === 'pie') {
      var s = spec.series[0];
      return {
        tooltip: {trigger: 'item', valueFormatter: yen},
        legend: {type: 'scroll', bottom: 0},
        series: [{
          name: s.name, type: 'pie', radius: ['35%', '65%'],
          data: spec.categories.map(function (c, i) { return {name: c, value: s.values[i]}; })
        }]
      };
    }
    var hasPercent = spec.series.some(percentSeries);
    return {
      tooltip: {trigger: 'axis'},
      legend: {type: 'scroll', top: 0},
      grid: {left: 90, right: hasPercent ? 60 : 30, top: 40, bottom: 40},
      xAxis: {type: 'category', data: spec.categories},
      yAxis: [
        {type: 'value', name: spec.yAxis, axisLabel: {formatter: function (v) { return Number(v).toLocaleString('ja-JP'); }}},
        {type: 'value', name: '%', max: 100, show: hasPercent}
      ],
      series: spec.series.map(function (s) {
        return {
          name: s.name, type: s.type, stack: s.stack || undefined, data: s.values,
          yAxisIndex: percentSeries(s) ? 1 : 0, connectNulls: true,
          tooltip: {valueFormatter: percentSeries(s) ? function (v) { return v + '%'; } : yen}
        };
      })
    };
  }

  function draw() {
    document.querySelectorAll('[data-chart]').forEach(function (el) {
      if (typeof echarts === 'undefined') {
        return;
      }
      var spec = JSON.parse(el.getAttribute('data-chart'));
      var chart = echarts.init(el, null, {locale: 'JA'});
      var o = option(spec);
      o.aria = {enabled: true};
      o.animation = false;
      chart.on('finished', function () { el.setAttribute('data-chart-drawn', 'true'); });
      chart.setOption(o);
      window.addEventListener('resize', function () { chart.resize(); });
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', draw);
  } else {
    draw();
  }
})();
