package dbworkbook.common.domain;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * A dealership with two collections, its cars and its salespeople. A plain mutable class on purpose: MyBatis fills
 * it through setters and, for lazy loading, subclasses it with a proxy (so it is neither final nor a record).
 * Serializable because MyBatis' second-level cache (chapter 3) copies objects by serialization.
 */
public class Dealership implements Serializable {

    private static final long serialVersionUID = 1L;

    private Long id;
    private String name;
    private String city;
    private List<Car> cars = new ArrayList<>();
    private List<Salesperson> salespeople = new ArrayList<>();

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getCity() {
        return city;
    }

    public void setCity(String city) {
        this.city = city;
    }

    public List<Car> getCars() {
        return cars;
    }

    public void setCars(List<Car> cars) {
        this.cars = cars;
    }

    public List<Salesperson> getSalespeople() {
        return salespeople;
    }

    public void setSalespeople(List<Salesperson> salespeople) {
        this.salespeople = salespeople;
    }

    /** Deliberately does not touch the collections. (MyBatis' lazy loading still loads them: see chapter 1.) */
    @Override
    public String toString() {
        return "Dealership{id=" + id + ", name='" + name + "', city='" + city + "'}";
    }
}
