package dbworkbook.part1;

import java.math.BigDecimal;

/**
 * Lesson 12: one row of the chapter's JOIN as it comes, flat: the dealership's columns and one car's (all null for
 * a dealership without cars). {@link FoldedRowsDealershipRepository} folds these into dealerships.
 */
public class JoinedCarRow {

    private Long dealershipId;
    private String dealershipName;
    private String city;
    private Long carId;
    private String make;
    private String model;
    private Integer year;
    private BigDecimal price;
    private Boolean sold;

    public Long getDealershipId() {
        return dealershipId;
    }

    public void setDealershipId(Long dealershipId) {
        this.dealershipId = dealershipId;
    }

    public String getDealershipName() {
        return dealershipName;
    }

    public void setDealershipName(String dealershipName) {
        this.dealershipName = dealershipName;
    }

    public String getCity() {
        return city;
    }

    public void setCity(String city) {
        this.city = city;
    }

    public Long getCarId() {
        return carId;
    }

    public void setCarId(Long carId) {
        this.carId = carId;
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

    public Integer getYear() {
        return year;
    }

    public void setYear(Integer year) {
        this.year = year;
    }

    public BigDecimal getPrice() {
        return price;
    }

    public void setPrice(BigDecimal price) {
        this.price = price;
    }

    public Boolean getSold() {
        return sold;
    }

    public void setSold(Boolean sold) {
        this.sold = sold;
    }
}
