package dev.biasinspector.session;

import dev.biasinspector.chart.BiasChartFactory;
import dev.biasinspector.model.BiasStatistics;

import java.util.LinkedHashMap;
import java.util.Map;

/** The numbers under the chart as label → text, in display order. */
public final class StatisticsText {

    public static final String NONE = "\u2013";

    private StatisticsText() {
    }

    public static Map<String, String> of(BiasStatistics s) {
        Map<String, String> rows = new LinkedHashMap<>();
        rows.put("n", Integer.toString(s.count()));
        rows.put("min", number(s.min()));
        rows.put("max", number(s.max()));
        rows.put("mean", number(s.mean()));
        rows.put("std", number(s.std()));
        rows.put("L2", number(s.l2Norm()));
        rows.put("zeros", Integer.toString(s.zeros()));
        rows.put("NaN/Inf", s.nonFinite().isEmpty() ? "0" : s.nonFinite().describe(3));
        return rows;
    }

    /** Where every listed NaN and infinity is, for the tooltip of the NaN/Inf row; empty when none. */
    public static String nonFiniteDetail(BiasStatistics s) {
        return s.nonFinite().describe(dev.biasinspector.model.NonFiniteValues.LISTED);
    }

    /** The labels of {@link #of}, for building the panel before any numbers exist. */
    public static Iterable<String> labels() {
        return of(BiasStatistics.of(new float[0])).keySet();
    }

    private static String number(double value) {
        // NaN here means "no finite value to summarise", not a value in the bias.
        return Double.isNaN(value) ? NONE : BiasChartFactory.formatValue(value);
    }
}
