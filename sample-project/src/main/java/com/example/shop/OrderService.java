package com.example.shop;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Keeps the orders of a session. */
public final class OrderService {

    private final List<BigDecimal> totals = new ArrayList<>();
    private final PriceCalculator calculator = new PriceCalculator();

    public BigDecimal add(BigDecimal unit, int quantity) {
        BigDecimal total = calculator.price(unit, quantity, BigDecimal.ZERO);
        totals.add(total);
        return total;
    }

    public int count() {
        return totals.size();
    }
}
