package io.mlops.engine.train;

/**
 * Limited-memory BFGS: minimises a smooth function from its value and gradient, keeping the last ten
 * steps to approximate the inverse Hessian, with a weak-Wolfe line search. Stops when the largest
 * gradient entry is at most the tolerance, when the relative decrease of the value is at the level of
 * rounding (as SciPy's L-BFGS-B with scikit-learn's settings), or after the maximum number of iterations.
 * Deterministic: the same function and start give the same result.
 */
final class Lbfgs {
    /** Steps remembered, as in SciPy's default. */
    private static final int MEMORY = 10;

    private static final double ARMIJO = 1e-4;
    private static final double CURVATURE = 0.9;
    private static final int MAX_LINE_SEARCH = 40;
    /** SciPy's {@code ftol} as scikit-learn sets it: 64 machine epsilons. */
    private static final double RELATIVE_DECREASE = 64 * Math.ulp(1.0);

    /** A function to minimise. */
    interface Function {
        /**
         * Computes the value and the gradient at a point.
         *
         * @param x        the point (not changed)
         * @param gradient receives the gradient
         * @return the value
         */
        double evaluate(double[] x, double[] gradient);
    }

    /** Receives each finished iteration. */
    interface Listener {
        void iteration(int iteration, double value, double largestGradient);
    }

    /**
     * What a minimisation ended with.
     *
     * @param iterations iterations done
     * @param value      the final value
     * @param converged  whether a stopping criterion other than the iteration limit was met
     */
    record Result(int iterations, double value, boolean converged) {}

    private Lbfgs() {}

    /**
     * Minimises a function.
     *
     * @param function      the function
     * @param x             the start; receives the minimum found
     * @param maxIterations the iteration limit
     * @param tolerance     stop when no gradient entry is larger in magnitude
     * @param listener      receives progress
     * @return how it ended
     */
    static Result minimise(
            final Function function,
            final double[] x,
            final int maxIterations,
            final double tolerance,
            final Listener listener) {
        int n = x.length;
        double[] g = new double[n];
        double fx = function.evaluate(x, g);
        if (largest(g) <= tolerance) {
            return new Result(0, fx, true);
        }
        double[][] s = new double[MEMORY][];
        double[][] y = new double[MEMORY][];
        double[] rho = new double[MEMORY];
        double[] alpha = new double[MEMORY];
        int stored = 0;
        int newest = -1;
        double[] d = new double[n];
        double[] xNew = new double[n];
        double[] gNew = new double[n];
        for (int iteration = 1; iteration <= maxIterations; iteration++) {
            // d = -H g by the two-loop recursion
            for (int i = 0; i < n; i++) {
                d[i] = -g[i];
            }
            for (int k = 0; k < stored; k++) {
                int j = Math.floorMod(newest - k, MEMORY);
                alpha[j] = rho[j] * dot(s[j], d);
                axpy(-alpha[j], y[j], d);
            }
            if (stored > 0) {
                scale(d, dot(s[newest], y[newest]) / dot(y[newest], y[newest]));
            }
            for (int k = stored - 1; k >= 0; k--) {
                int j = Math.floorMod(newest - k, MEMORY);
                double beta = rho[j] * dot(y[j], d);
                axpy(alpha[j] - beta, s[j], d);
            }
            double slope = dot(g, d);
            if (!(slope < 0)) {
                // not a descent direction (rounding): restart from steepest descent
                stored = 0;
                for (int i = 0; i < n; i++) {
                    d[i] = -g[i];
                }
                slope = dot(g, d);
            }
            double step = stored == 0 ? Math.min(1.0, 1.0 / Math.sqrt(-slope)) : 1.0;
            double low = 0;
            double high = Double.POSITIVE_INFINITY;
            double fNew = Double.NaN;
            boolean accepted = false;
            for (int search = 0; search < MAX_LINE_SEARCH; search++) {
                for (int i = 0; i < n; i++) {
                    xNew[i] = x[i] + step * d[i];
                }
                fNew = function.evaluate(xNew, gNew);
                if (!(fNew <= fx + ARMIJO * step * slope)) {
                    high = step;
                } else if (dot(gNew, d) < CURVATURE * slope) {
                    low = step;
                } else {
                    accepted = true;
                    break;
                }
                step = high < Double.POSITIVE_INFINITY ? (low + high) / 2 : 2 * low;
            }
            if (!accepted && !(fNew < fx)) {
                // no progress possible at this precision
                return new Result(iteration - 1, fx, true);
            }
            double[] sNew = new double[n];
            double[] yNew = new double[n];
            for (int i = 0; i < n; i++) {
                sNew[i] = xNew[i] - x[i];
                yNew[i] = gNew[i] - g[i];
            }
            double sy = dot(sNew, yNew);
            if (sy > 1e-10 * dot(yNew, yNew)) {
                newest = (newest + 1) % MEMORY;
                s[newest] = sNew;
                y[newest] = yNew;
                rho[newest] = 1 / sy;
                stored = Math.min(stored + 1, MEMORY);
            }
            double decrease = (fx - fNew) / Math.max(Math.max(Math.abs(fx), Math.abs(fNew)), 1.0);
            System.arraycopy(xNew, 0, x, 0, n);
            System.arraycopy(gNew, 0, g, 0, n);
            fx = fNew;
            double largest = largest(g);
            listener.iteration(iteration, fx, largest);
            if (largest <= tolerance || decrease <= RELATIVE_DECREASE) {
                return new Result(iteration, fx, true);
            }
        }
        return new Result(maxIterations, fx, false);
    }

    private static double largest(final double[] v) {
        double max = 0;
        for (double value : v) {
            max = Math.max(max, Math.abs(value));
        }
        return max;
    }

    private static double dot(final double[] a, final double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    private static void axpy(final double a, final double[] x, final double[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] += a * x[i];
        }
    }

    private static void scale(final double[] v, final double factor) {
        for (int i = 0; i < v.length; i++) {
            v[i] *= factor;
        }
    }
}
