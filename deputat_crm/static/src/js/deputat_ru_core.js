odoo.define('deputat_crm.ru_core', function (require) {
"use strict";
/**
 * Russian for the two places of Odoo's web client that never go through a translation:
 * the title of a server error dialog (the server sends the English "Odoo Server Error" as the
 * message), the Grouped/Stacked switch of bar charts (nvd3's own labels) and the tooltips of
 * the kanban columns' progress bars (the raw values «1 planned», «0 overdue»), the tooltips of
 * the HTML editor (web_editor translates them before the translations are loaded).
 */
var core = require('web.core');
var CrashManager = require('web.CrashManager');
var GraphRenderer = require('web.GraphRenderer');
var KanbanColumnProgressBar = require('web.KanbanColumnProgressBar');
var session = require('web.session');

var _t = core._t;
var _lt = core._lt;

var SERVER_MESSAGES = {
    'Odoo Server Error': _lt("Odoo Server Error"),
    'Odoo Session Invalid': _lt("Odoo Session Invalid"),
    'Odoo Session Expired': _lt("Odoo Session Expired"),
};

function translated(error) {
    if (error && SERVER_MESSAGES[error.message]) {
        return _.extend({}, error, {message: String(SERVER_MESSAGES[error.message])});
    }
    return error;
}

CrashManager.include({
    show_error: function (error) {
        return this._super(translated(error));
    },
    show_warning: function (error) {
        return this._super(translated(error));
    },
});

// nvd3 is loaded with the first graph view: its chart factory is wrapped while Odoo builds a
// bar chart, to give the chart the Russian labels of its switch
GraphRenderer.include({
    _renderBarChart: function () {
        var multiBarChart = window.nv.models.multiBarChart;
        window.nv.models.multiBarChart = function () {
            var chart = multiBarChart.apply(this, arguments);
            chart.controlLabels({grouped: _t("Grouped"), stacked: _t("Stacked")});
            return chart;
        };
        try {
            return this._super.apply(this, arguments);
        } finally {
            window.nv.models.multiBarChart = multiBarChart;
        }
    },
});

// «1 planned» -> «1 Запланировано»: the value's label of the selection field, as the user reads it
KanbanColumnProgressBar.include({
    _render: function () {
        var result = this._super.apply(this, arguments);
        var self = this;
        var field = this.columnState.fields && this.columnState.fields[this.fieldName];
        var labels = field && field.selection ? _.object(field.selection) : {};
        _.each(this.colors, function (color, value) {
            var $bar = self.$bars[color];
            if ($bar && labels[value]) {
                var count = self.subgroupCounts && self.subgroupCounts[value] || 0;
                $bar.attr('data-original-title', count + ' ' + labels[value]);
            }
        });
        return result;
    },
});

// the HTML editor's labels were translated when its module was defined, before the user's
// translations arrived: translate them again once they are there
function translateTree(tree) {
    _.each(tree, function (value, key) {
        if (_.isString(value)) {
            tree[key] = _t(value);
        } else if (_.isObject(value)) {
            translateTree(value);
        }
    });
}
session.is_bound.then(function () {
    if ($.summernote && $.summernote.lang && $.summernote.lang.odoo) {
        translateTree($.summernote.lang.odoo);
    }
});

return {SERVER_MESSAGES: SERVER_MESSAGES};
});
