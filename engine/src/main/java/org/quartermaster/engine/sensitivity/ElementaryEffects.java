package org.quartermaster.engine.sensitivity;

/**
 * One parameter's Morris statistics over its r elementary effects EE = (f(x + Δe_i) − f(x)) / Δ on
 * the unit scale, i.e. the change in the output per the parameter's whole range: {@code mu} their
 * mean, {@code muStar} the mean of their absolute values (Campolongo et al. 2007; ranks importance),
 * {@code sigma} their sample standard deviation (non-linearity or interactions). In the output's unit.
 */
public record ElementaryEffects(double mu, double muStar, double sigma) {}
