package dbworkbook.common.domain;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Objects;

/** A car for sale at a dealership. Equal when every column is equal, so loading strategies can be compared. */
public class Car implements Serializable {

    private static final long serialVersionUID = 1L;

    private Long id;
    private Long dealershipId;
    private String make;
    private String model;
    private int year;
    private BigDecimal price;
    private boolean sold;

    public Car() {
    }

    /** Every column at once: for MyBatis' constructor mapping (chapter 1, lesson 12). */
    public Car(Long id, Long dealershipId, String make, String model, int year, BigDecimal price, boolean sold) {
        this.id = id;
        this.dealershipId = dealershipId;
        this.make = make;
        this.model = model;
        this.year = year;
        this.price = price;
        this.sold = sold;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public Long getDealershipId() {
        return dealershipId;
    }

    public void setDealershipId(Long dealershipId) {
        this.dealershipId = dealershipId;
    }

    public String getMake() {
        return make;
    }

    public void setMake(String make) {
        this.make = make;
    }

    public String getModel() {
        return model;
    }

    public void setModel(String model) {
        this.model = model;
    }

    public int getYear() {
        return year;
    }

    public void setYear(int year) {
        this.year = year;
    }

    public BigDecimal getPrice() {
        return price;
    }

    public void setPrice(BigDecimal price) {
        this.price = price;
    }

    public boolean isSold() {
        return sold;
    }

    public void setSold(boolean sold) {
        this.sold = sold;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Car other && Objects.equals(id, other.id) && Objects.equals(dealershipId, other.dealershipId)
                && Objects.equals(make, other.make) && Objects.equals(model, other.model) && year == other.year
                && (price == null ? other.price == null : other.price != null && price.compareTo(other.price) == 0)
                && sold == other.sold;
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, make, model, year);
    }

    @Override
    public String toString() {
        return "Car{id=" + id + ", " + make + " " + model + " " + year + ", " + price + (sold ? ", sold" : "") + "}";
    }
}
