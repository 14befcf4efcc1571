-- Each row represents one company × channel × objective × period ('day' or 'week') × period
-- start: the original posts (no replies, no reposts) the company published in it and how they
-- performed at their newest observation. Rates are means of per-post rates over the posts whose
-- denominator is known (rated_posts, impression_rated_posts), so an unknown audience never counts
-- as zero. Weeks start on Monday (UTC). engagement_daily and engagement_weekly read this view.
with original_posts as (
    select
        company,
        channel,
        objective,
        post_date,
        week_start,
        interactions,
        amplification,
        applause,
        conversation,
        bookmarks,
        impressions,
        engagement_rate_by_followers,
        engagement_rate_by_impressions,
        amplification_rate_by_followers,
        applause_rate_by_followers,
        conversation_rate_by_followers,
        interactions_24h,
        interactions_7d
    from post_performance
    where is_original
),

post_periods as (
    select
        'day' as period,
        post_date as period_start,
        1 as period_days,
        original_posts.*
    from original_posts
    union all
    select
        'week' as period,
        week_start as period_start,
        7 as period_days,
        original_posts.*
    from original_posts
),

final as (
    select
        company,
        channel,
        objective,
        period,
        period_start,
        count(*) as posts,
        cast(count(*) as double precision) / max(period_days) as posts_per_day,
        count(interactions) as posts_with_metrics,
        cast(sum(interactions) as bigint) as interactions,
        cast(sum(amplification) as bigint) as amplification,
        cast(sum(applause) as bigint) as applause,
        cast(sum(conversation) as bigint) as conversation,
        cast(sum(bookmarks) as bigint) as bookmarks,
        cast(sum(impressions) as bigint) as impressions,
        avg(cast(interactions as double precision)) as interactions_per_post,
        avg(cast(amplification as double precision)) as amplification_per_post,
        avg(cast(applause as double precision)) as applause_per_post,
        avg(cast(conversation as double precision)) as conversation_per_post,
        count(engagement_rate_by_followers) as rated_posts,
        avg(engagement_rate_by_followers) as engagement_rate_by_followers,
        avg(amplification_rate_by_followers) as amplification_rate_by_followers,
        avg(applause_rate_by_followers) as applause_rate_by_followers,
        avg(conversation_rate_by_followers) as conversation_rate_by_followers,
        count(engagement_rate_by_impressions) as impression_rated_posts,
        avg(engagement_rate_by_impressions) as engagement_rate_by_impressions,
        count(interactions_24h) as posts_with_24h,
        avg(cast(interactions_24h as double precision)) as interactions_24h_per_post,
        count(interactions_7d) as posts_with_7d,
        avg(cast(interactions_7d as double precision)) as interactions_7d_per_post
    from post_periods
    group by
        company,
        channel,
        objective,
        period,
        period_start
)

select * from final
