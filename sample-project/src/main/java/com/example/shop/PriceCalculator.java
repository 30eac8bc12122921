package com.example.shop;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Computes the price of a basket line. Only one person has ever touched this folder. */
public final class PriceCalculator {

    public BigDecimal price(BigDecimal unit, int quantity, BigDecimal discountPercent) {
        BigDecimal gross = unit.multiply(BigDecimal.valueOf(quantity));
        BigDecimal discount = gross.multiply(discountPercent).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
        return gross.subtract(discount);
    }
}
