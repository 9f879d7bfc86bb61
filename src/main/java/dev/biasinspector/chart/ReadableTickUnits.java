package dev.biasinspector.chart;

import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.TickUnit;
import org.jfree.chart.axis.TickUnitSource;
import org.jfree.data.Range;

import java.io.Serializable;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Tick steps of 1, 2 and 5 times a power of ten, for any size from 1e-300 to 1e300, each with a
 * format that shows exactly the digits the step needs: step 0.05 gives "0.15", step 2e-8 on a
 * vector near 0.3 gives "0.31768752". Neighbouring ticks therefore never print the same label
 * (JFreeChart's standard units stop at 1e-10 and print "3.176875E-1" twenty times on a nearly
 * constant vector). Plain decimals unless the labels would need more than
 * {@value #MAX_PLAIN_DECIMALS} decimals or reach {@value #MAX_PLAIN}; then scientific notation
 * with as many mantissa digits as the step needs. Zero prints as "0", never "-0" or "0.0E0".
 */
final class ReadableTickUnits implements TickUnitSource, Serializable {

    static final int MAX_PLAIN_DECIMALS = 8;
    static final double MAX_PLAIN = 1e9;
    private static final int[] MANTISSAS = {1, 2, 5};

    /** The axis range when a unit is chosen: the format depends on how big the labels are. */
    private final transient Supplier<Range> range;
    /** Every step is a 1-2-5 multiple of this (a histogram's bin width: ticks on bin edges). */
    private final BigDecimal base;

    ReadableTickUnits(Supplier<Range> range) {
        this(range, BigDecimal.ONE);
    }

    ReadableTickUnits(Supplier<Range> range, BigDecimal base) {
        this.range = range;
        this.base = base;
    }

    @Override
    public TickUnit getLargerTickUnit(TickUnit unit) {
        Step step = multiple(unit.getSize());
        return unitFor(step.next());
    }

    /** The step (in units of {@link #base}) for a tick {@code size} apart; never a fraction of the base. */
    private Step multiple(double size) {
        double inBase = size / base.doubleValue();
        return base.compareTo(BigDecimal.ONE) == 0 ? Step.ceiling(inBase) : Step.ceiling(Math.max(1, inBase));
    }

    /** The next smaller unit (2 after 5, 1 after 2, 0.5 after 1), never below one base. */
    TickUnit getSmallerTickUnit(TickUnit unit) {
        Step step = multiple(unit.getSize());
        Step smaller = step.previous();
        return base.compareTo(BigDecimal.ONE) != 0 && smaller.size() < 1 ? unitFor(step) : unitFor(smaller);
    }

    @Override
    public TickUnit getCeilingTickUnit(TickUnit unit) {
        return getCeilingTickUnit(unit.getSize());
    }

    @Override
    public TickUnit getCeilingTickUnit(double size) {
        return unitFor(multiple(size));
    }

    private TickUnit unitFor(Step step) {
        BigDecimal size = step.decimal().multiply(base);
        Range r = range == null ? null : range.get();
        double magnitude = r == null ? size.doubleValue()
                : Math.max(Math.abs(r.getLowerBound()), Math.abs(r.getUpperBound()));
        return new Unit(size.doubleValue(), format(size, magnitude));
    }

    /** The format for labels {@code size} apart, none larger than {@code magnitude}. */
    static NumberFormat format(BigDecimal size, double magnitude) {
        BigDecimal exact = size.stripTrailingZeros();
        int decimals = Math.max(0, exact.scale());
        if (decimals <= MAX_PLAIN_DECIMALS && magnitude < MAX_PLAIN) {
            return pattern(decimals == 0 ? "0" : "0." + "0".repeat(decimals));
        }
        // Scientific: the last mantissa digit must be the step's last digit.
        int lastDigit = -exact.scale();
        int leading = magnitude > 0 && Double.isFinite(magnitude) ? (int) Math.floor(Math.log10(magnitude))
                : exact.precision() - exact.scale() - 1;
        int mantissaDigits = Math.max(1, Math.min(15, leading - lastDigit));
        return pattern("0." + "0".repeat(mantissaDigits) + "E0");
    }

    private static NumberFormat pattern(String pattern) {
        DecimalFormat format = new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setGroupingUsed(false);
        return format;
    }

    /** A step m·10^e with m in {1, 2, 5}; its size is the double nearest that decimal. */
    record Step(int mantissa, int exponent) {

        static Step ceiling(double size) {
            if (!(size > 0) || Double.isInfinite(size)) {
                size = Double.isInfinite(size) ? 1e300 : Double.MIN_NORMAL;
            }
            int e = (int) Math.floor(Math.log10(size));
            for (int guard = 0; guard < 4; guard++, e++) {
                for (int m : MANTISSAS) {
                    Step s = new Step(m, e);
                    // relative tolerance: 0.30000000000000004 asks for step 0.3, not the next one
                    if (s.size() >= size * (1 - 1e-9)) {
                        return s;
                    }
                }
            }
            return new Step(1, e);
        }

        Step next() {
            return switch (mantissa) {
                case 1 -> new Step(2, exponent);
                case 2 -> new Step(5, exponent);
                default -> new Step(1, exponent + 1);
            };
        }

        Step previous() {
            return switch (mantissa) {
                case 5 -> new Step(2, exponent);
                case 2 -> new Step(1, exponent);
                default -> new Step(5, exponent - 1);
            };
        }

        BigDecimal decimal() {
            return new BigDecimal(mantissa).scaleByPowerOfTen(exponent);
        }

        double size() {
            return decimal().doubleValue();
        }
    }

    /** A tick unit whose labels snap values within a millionth of a step to zero ("0", not "-0"). */
    static final class Unit extends NumberTickUnit {

        Unit(double size, NumberFormat format) {
            super(size, format);
        }

        @Override
        public String valueToString(double value) {
            return Math.abs(value) < getSize() * 1e-6 ? "0" : super.valueToString(value);
        }
    }
}
