package jp.juchu.shop.customers;

import java.util.List;

/** An item's published reviews, newest first, and their average rating ({@code null} without reviews). */
public record ItemReviews(List<Review> reviews, Double averageRating) {}
